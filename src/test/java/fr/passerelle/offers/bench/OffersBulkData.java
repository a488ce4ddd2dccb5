package fr.passerelle.offers.bench;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.app.Services;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.TextNorm;
import fr.passerelle.office.OfficeKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Region-scale bulk data for the offers benchmarks and screenshots, until the demo generator is on
 * main: {@code OffersBulkData DIR CANDIDATES OFFERS}. Deterministic (seed 7), written through the
 * ReplicatedWriter's stamps in batches of 1,000.
 */
public final class OffersBulkData {
  private static final String[] FIRST = {
    "Léa", "Lucas", "Emma", "Hugo", "Chloé", "Nathan", "Inès", "Louis", "Manon", "Karim", "Sarah",
    "Yanis", "Camille", "Mehdi", "Julie", "Thomas", "Aïcha", "Pierre", "Zoé", "Rayan", "Élodie"
  };
  private static final String[] LAST = {
    "Martin", "Bernard", "Dubois", "Garcia", "Martinez", "Lopez", "Roux", "Fabre", "Mercier",
    "Benali", "Durand", "Moreau", "Fournier", "Girard", "Bonnet", "Rey", "Sanchez", "Vidal",
    "Bousquet", "Castel", "Cazals", "Azéma", "Nguyen", "Diallo", "Fontaine", "Lefèvre"
  };
  private static final String[] CRITERIA = {
    "RQTH", "DELD", "DETLD", "RSA", "QPV", "YOUTH", "SENIOR"
  };
  private static final double[] CRITERIA_P = {0.08, 0.18, 0.06, 0.12, 0.10, 0.15, 0.15};
  private static final int[] RADII = {5, 10, 15, 20, 30, 50};
  private static final String[] CONTRACTS = {
    "INTERIM", "CDD", "CDI", "CDI_INTERIMAIRE", "ALTERNANCE"
  };

  private final Services s;
  private final Random rnd = new Random(7);
  private final LocalDate today = LocalDate.now();
  private List<String> communes;
  private double[] communeCum;
  private List<String> romes;

  private OffersBulkData(Services s) {
    this.s = s;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int candidates = Integer.parseInt(args[1]);
    int offers = Integer.parseInt(args[2]);
    long t0 = System.currentTimeMillis();
    try (Services s = fr.passerelle.testsupport.TestServices.open(dir)) {
      if (s.offices().current().isEmpty()) {
        s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
      }
      new OffersBulkData(s).run(candidates, offers);
      s.db().dsl().execute("SHUTDOWN COMPACT");
    }
    System.out.printf(
        "bulk data: %d candidates, %d offers in %d s%n",
        candidates, offers, (System.currentTimeMillis() - t0) / 1000);
  }

  private void run(int candidates, int offers) {
    DSLContext dsl = s.db().dsl();
    var cs =
        dsl.select(COMMUNE.INSEE_CODE, COMMUNE.POPULATION)
            .from(COMMUNE)
            .where(COMMUNE.LATITUDE.isNotNull())
            .orderBy(COMMUNE.INSEE_CODE)
            .fetch();
    communes = cs.map(r -> r.value1());
    communeCum = new double[cs.size()];
    double sum = 0;
    for (int i = 0; i < cs.size(); i++) {
      sum += Math.max(50, cs.get(i).value2());
      communeCum[i] = sum;
    }
    romes =
        dsl.select(OCCUPATION.ROME_CODE)
            .from(OCCUPATION)
            .orderBy(OCCUPATION.ROME_CODE)
            .fetch(OCCUPATION.ROME_CODE);
    java.util.Collections.shuffle(romes, new Random(11));
    romes = romes.subList(0, Math.min(220, romes.size()));
    List<UUID> employers = new ArrayList<>();
    batches(
        5000,
        (tx, i, out) -> {
          var e = tx.newRecord(EMPLOYER);
          e.setName(
              LAST[rnd.nextInt(LAST.length)]
                  + " "
                  + new String[] {
                        "Logistique",
                        "BTP",
                        "Services",
                        "Industrie",
                        "Restauration",
                        "Santé",
                        "Transports",
                        "Commerce"
                      }
                      [rnd.nextInt(8)]
                  + " "
                  + i);
          e.setCommuneCode(commune());
          employers.add(e.getId() == null ? setId(e) : e.getId());
          out.add(e);
        });
    batches(
        candidates,
        (tx, i, out) -> {
          var c = tx.newRecord(CANDIDATE);
          UUID id = UUID.randomUUID();
          c.setId(id);
          String first = FIRST[rnd.nextInt(FIRST.length)];
          String last = LAST[rnd.nextInt(LAST.length)];
          c.setFirstName(first);
          c.setLastName(last);
          c.setNameNorm(TextNorm.normalize(last + " " + first));
          c.setCommuneCode(commune());
          c.setMobilityKm(RADII[rnd.nextInt(RADII.length)]);
          c.setStatus(
              rnd.nextDouble() < 0.8 ? "ACTIVE" : rnd.nextBoolean() ? "EMPLOYED" : "IN_TRAINING");
          c.setAvailableFrom(rnd.nextDouble() < 0.6 ? null : today.plusDays(rnd.nextInt(120)));
          c.setRegisteredOn(today.minusDays(rnd.nextInt(900)));
          out.add(c);
          int n = 1 + (rnd.nextDouble() < 0.45 ? 1 : 0);
          for (int k = 0; k < n; k++) {
            var o = tx.newRecord(CANDIDATE_OCCUPATION);
            o.setCandidateId(id);
            o.setRomeCode(rome());
            o.setExperienceYears(rnd.nextInt(16));
            out.add(o);
          }
          for (int k = 0; k < CRITERIA.length; k++) {
            if (rnd.nextDouble() < CRITERIA_P[k]) {
              var o = tx.newRecord(CANDIDATE_CRITERION);
              o.setCandidateId(id);
              o.setCriterion(CRITERIA[k]);
              out.add(o);
            }
          }
          var consent = tx.newRecord(CANDIDATE_CONSENT);
          consent.setId(id);
          consent.setCandidateId(id);
          consent.setShare(rnd.nextDouble() < 0.7);
          consent.setSensitive(rnd.nextDouble() < 0.4);
          out.add(consent);
        });
    UUID office = s.offices().current().orElseThrow().id();
    batches(
        offers,
        (tx, i, out) -> {
          var o = tx.newRecord(JOB_OFFER);
          String rome = rome();
          o.setOfficeId(office);
          o.setEmployerId(employers.get(rnd.nextInt(employers.size())));
          o.setRomeCode(rome);
          o.setTitle(null);
          o.setCommuneCode(commune());
          o.setContract(CONTRACTS[rnd.nextInt(CONTRACTS.length)]);
          o.setPositions(1 + (rnd.nextDouble() < 0.2 ? rnd.nextInt(5) : 0));
          LocalDate opened = today.minusDays(rnd.nextInt(365));
          o.setOpenedOn(opened);
          LocalDate closes = opened.plusDays((long) (-Math.log(1 - rnd.nextDouble()) * 35));
          o.setClosedOn(closes.isAfter(today) ? null : closes);
          o.setSource(rnd.nextDouble() < 0.2 ? "TEMP_AGENCY" : "FRANCE_TRAVAIL");
          out.add(o);
        });
    dsl.execute(
        "UPDATE job_offer o SET title = (SELECT label FROM occupation WHERE rome_code = o.rome_code)"
            + " WHERE title IS NULL");
  }

  private static UUID setId(TableRecord<?> r) {
    UUID id = UUID.randomUUID();
    r.set(r.getTable().field("ID", UUID.class), id);
    return id;
  }

  private String commune() {
    double x = rnd.nextDouble() * communeCum[communeCum.length - 1];
    int i = java.util.Arrays.binarySearch(communeCum, x);
    return communes.get(i >= 0 ? i : -i - 1);
  }

  /** Zipf-like: the first occupations are much more frequent. */
  private String rome() {
    int i = (int) Math.floor(Math.pow(rnd.nextDouble(), 2.2) * romes.size());
    return romes.get(Math.min(i, romes.size() - 1));
  }

  interface Maker {
    void make(DSLContext tx, int i, List<TableRecord<?>> out);
  }

  private void batches(int count, Maker maker) {
    ReplicatedWriter w = s.writer();
    for (int start = 0; start < count; start += 1000) {
      int end = Math.min(count, start + 1000);
      int from = start;
      s.db()
          .dsl()
          .transaction(
              cfg -> {
                DSLContext tx = cfg.dsl();
                List<TableRecord<?>> out = new ArrayList<>();
                for (int i = from; i < end; i++) {
                  maker.make(tx, i, out);
                }
                var block = w.reserve(tx, out.size());
                for (TableRecord<?> r : out) {
                  w.stampNew(r, block.next());
                }
                tx.batchInsert(out).execute();
              });
    }
  }
}
