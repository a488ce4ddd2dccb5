package fr.passerelle.testsupport;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.OFFICE;

import fr.passerelle.app.Services;
import fr.passerelle.db.TextNorm;
import fr.passerelle.offers.Contract;
import fr.passerelle.offers.OfferDraft;
import fr.passerelle.offers.OfferSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Small fixtures for offers, matching and lists, written through the ReplicatedWriter. */
public final class OfferFixtures {
  public static final String TOULOUSE = "31555";
  public static final String BLAGNAC = "31069";
  public static final String COLOMIERS = "31149";
  public static final String ALBI = "81004";
  public static final String MONTPELLIER = "34172";

  /** The test clock's day (ManualClock starts 2026-01-05). */
  public static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

  private final Services s;

  public OfferFixtures(Services s) {
    this.s = s;
  }

  /** A new offer: two night bakers in Toulouse, CDD, from a temp agency, opened today. */
  public static OfferDraft baker() {
    return new OfferDraft(
        null,
        "Boulangerie Occitane",
        "Boulanger",
        "D1102",
        TOULOUSE,
        Contract.CDD,
        2,
        TODAY,
        null,
        OfferSource.TEMP_AGENCY,
        "Nuit");
  }

  /** The form's edit of {@code o}: its fields, with this title and number of positions. */
  public static OfferDraft edited(fr.passerelle.offers.Offer o, String title, int positions) {
    return new OfferDraft(
        o.id(),
        o.employerName(),
        title,
        o.romeCode(),
        o.communeCode(),
        o.contract(),
        positions,
        o.openedOn(),
        o.closedOn(),
        o.source(),
        o.description());
  }

  public Person person(String lastName, String firstName) {
    return new Person(lastName, firstName);
  }

  /** A candidate to insert: active, in Toulouse, 20 km, available now by default. */
  public final class Person {
    private final String last;
    private final String first;
    private String commune = TOULOUSE;
    private Integer radius = 20;
    private String status = "ACTIVE";
    private LocalDate availableFrom;
    private final Map<String, Integer> romes = new LinkedHashMap<>();
    private final Set<String> criteria = new LinkedHashSet<>();
    private Boolean share;

    Person(String last, String first) {
      this.last = last;
      this.first = first;
    }

    public Person in(String commune, Integer radiusKm) {
      this.commune = commune;
      this.radius = radiusKm;
      return this;
    }

    public Person status(String status) {
      this.status = status;
      return this;
    }

    public Person availableFrom(LocalDate d) {
      this.availableFrom = d;
      return this;
    }

    public Person rome(String code, Integer years) {
      romes.put(code, years);
      return this;
    }

    public Person criteria(String... c) {
      criteria.addAll(Set.of(c));
      return this;
    }

    public Person share(boolean consent) {
      this.share = consent;
      return this;
    }

    public UUID save() {
      return s.db()
          .dsl()
          .transactionResult(
              cfg -> {
                var tx = cfg.dsl();
                var c = tx.newRecord(CANDIDATE);
                c.setLastName(last);
                c.setFirstName(first);
                c.setNameNorm(TextNorm.normalize(last + " " + first));
                c.setCommuneCode(commune);
                c.setMobilityKm(radius);
                c.setStatus(status);
                c.setAvailableFrom(availableFrom);
                s.writer().insert(tx, c);
                for (var r : romes.entrySet()) {
                  var o = tx.newRecord(CANDIDATE_OCCUPATION);
                  o.setCandidateId(c.getId());
                  o.setRomeCode(r.getKey());
                  o.setExperienceYears(r.getValue());
                  s.writer().insert(tx, o);
                }
                for (String k : criteria) {
                  var o = tx.newRecord(CANDIDATE_CRITERION);
                  o.setCandidateId(c.getId());
                  o.setCriterion(k);
                  s.writer().insert(tx, o);
                }
                if (share != null) {
                  var o = tx.newRecord(CANDIDATE_CONSENT);
                  o.setId(c.getId());
                  o.setCandidateId(c.getId());
                  o.setShare(share);
                  o.setSensitive(false);
                  s.writer().insert(tx, o);
                }
                return c.getId();
              });
    }
  }

  /** An open France Travail CDI offer. */
  public UUID offer(String title, String rome, String commune, LocalDate openedOn) {
    return s.offersModule()
        .offers()
        .save(
            new OfferDraft(
                null,
                "Entrepôts du Sud",
                title,
                rome,
                commune,
                Contract.CDI,
                1,
                openedOn,
                null,
                OfferSource.FRANCE_TRAVAIL,
                null))
        .id();
  }

  public UUID counselor(String first, String last) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              var c = cfg.dsl().newRecord(COUNSELOR);
              c.setFirstName(first);
              c.setLastName(last);
              c.setOfficeId(s.offices().current().map(o -> o.id()).orElse(null));
              s.writer().insert(cfg.dsl(), c);
              return c.getId();
            });
  }

  public UUID partnerOffice(String name) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              var o = cfg.dsl().newRecord(OFFICE);
              o.setName(name);
              o.setKind("TEMP_AGENCY");
              o.setOrganisation(name);
              s.writer().insert(cfg.dsl(), o);
              return o.getId();
            });
  }
}
