package fr.passerelle.demo;

import fr.passerelle.demo.DemoReference.Commune;
import fr.passerelle.demo.DemoReference.Occupation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Derives employer number e and offer number j from the seed alone. Offers: 20 % from the temp-work
 * agencies; opened within the last year; each has a time-to-fill drawn from an exponential law
 * whose mean grows with the occupation's tension, so tense occupations keep offers open for more
 * than 90 days more often.
 */
final class OfferFactory {
  record DemoEmployer(
      int index,
      UUID id,
      String name,
      String siret,
      Commune commune,
      String sector,
      String contactName,
      String contactEmail,
      String contactPhone) {}

  record DemoOffer(
      int index,
      UUID id,
      int office,
      String source,
      int employer,
      String title,
      Occupation occupation,
      Commune commune,
      String contract,
      int positions,
      LocalDate openedOn,
      LocalDate closedOn,
      String hardToFillOverride,
      String overrideReason) {

    boolean open() {
      return closedOn == null;
    }
  }

  static final double TEMP_AGENCY_SHARE = 0.20;

  private static final Map<String, List<String>> EMPLOYER_NAMES =
      Map.ofEntries(
          Map.entry(
              "LOGISTICS", List.of("Logistique %N", "Plateforme Logistique de %C", "Entrepôts %N")),
          Map.entry("TRANSPORT", List.of("Transports %N", "%N Express", "Taxis de %C")),
          Map.entry(
              "BUILDING", List.of("%N Bâtiment", "Maçonnerie %N", "%N et Fils", "Électricité %N")),
          Map.entry(
              "CARE", List.of("EHPAD Les Tilleuls de %C", "Aide à domicile %C", "Clinique %N")),
          Map.entry(
              "HOSPITALITY",
              List.of("Restaurant Chez %N", "Hôtel de la Gare de %C", "Brasserie %N")),
          Map.entry("RETAIL", List.of("Supermarché de %C", "Boulangerie %N", "Maison %N")),
          Map.entry("CLEANING", List.of("%N Propreté", "Nettoyage Services de %C")),
          Map.entry("INDUSTRY", List.of("Ateliers %N", "Mécanique %N", "Conserverie de %C")),
          Map.entry("AGRICULTURE", List.of("GAEC %N", "Domaine %N", "Pépinières %N")),
          Map.entry("OFFICE", List.of("Cabinet %N", "%N Conseil")),
          Map.entry("SECURITY", List.of("%N Sécurité")),
          Map.entry("SOCIAL", List.of("Association Insertion %C")),
          Map.entry("DIGITAL", List.of("%N Numérique")));
  private static final String[] LEGAL = {"", "", " SAS", " SARL", " SA"};

  private final DemoWorld world;

  OfferFactory(DemoWorld world) {
    this.world = world;
  }

  DemoEmployer employer(int e) {
    SplittableRandom r = world.seeds.rng(Seeds.EMPLOYER, e);
    Commune commune = world.ref.communes.pick(r);
    String sector = world.ref.occupations.pick(r).sector();
    List<String> names = EMPLOYER_NAMES.getOrDefault(sector, List.of("Entreprise %N"));
    String name =
        names
                .get(r.nextInt(names.size()))
                .replace("%N", world.ref.lastNames.pick(r))
                .replace("%C", commune.name())
            + LEGAL[r.nextInt(LEGAL.length)];
    String contactFirst =
        (r.nextBoolean() ? world.ref.femaleFirstNames : world.ref.maleFirstNames).pick(r);
    String contactLast = world.ref.lastNames.pick(r);
    return new DemoEmployer(
        e,
        world.seeds.id(Seeds.EMPLOYER, e),
        name,
        Texts.siret(r),
        commune,
        sector,
        contactFirst + " " + contactLast,
        Texts.slug(contactFirst)
            + "."
            + Texts.slug(contactLast)
            + "@entreprise-"
            + (e + 1)
            + ".exemple.fr",
        Texts.landline(commune.department(), r));
  }

  DemoOffer offer(int j) {
    SplittableRandom r = world.seeds.rng(Seeds.OFFER, j);
    boolean temp = r.nextDouble() < TEMP_AGENCY_SHARE;
    int office = temp ? 1 + r.nextInt(2) : 0;
    int employer = r.nextInt(world.employers);
    Occupation occ = world.ref.occupations.pick(r);
    String title = occ.titles().get(r.nextInt(occ.titles().size()));
    Commune commune = employer(employer).commune();
    String contract = temp ? tempContract(r) : publicContract(r);
    int positions = r.nextDouble() < 0.8 ? 1 : 2 + r.nextInt(4);
    int age = r.nextInt(366);
    LocalDate opened = world.today.minusDays(age);
    double meanDaysToFill = 15 + 120 * occ.tension();
    int daysToFill = (int) Math.ceil(-meanDaysToFill * Math.log(1 - r.nextDouble()));
    LocalDate closed = daysToFill < age ? opened.plusDays(daysToFill) : null;
    String override = null;
    String reason = null;
    if (closed == null && r.nextDouble() < 0.02) {
      override = "YES";
      reason =
          "Horaires décalés et pas de transport en commun : aucun candidat depuis des semaines";
    } else if (closed == null && age > 90 && r.nextDouble() < 0.03) {
      override = "NO";
      reason = "Recrutement en cours, entretiens programmés";
    }
    return new DemoOffer(
        j,
        world.seeds.id(Seeds.OFFER, j),
        office,
        temp ? "TEMP_AGENCY" : "FRANCE_TRAVAIL",
        employer,
        title,
        occ,
        commune,
        contract,
        positions,
        opened,
        closed,
        override,
        reason);
  }

  private static String tempContract(SplittableRandom r) {
    double x = r.nextDouble();
    return x < 0.75 ? "INTERIM" : x < 0.87 ? "CDI_INTERIMAIRE" : x < 0.95 ? "CDD" : "ALTERNANCE";
  }

  private static String publicContract(SplittableRandom r) {
    double x = r.nextDouble();
    return x < 0.40 ? "CDI" : x < 0.80 ? "CDD" : x < 0.88 ? "INTERIM" : "ALTERNANCE";
  }
}
