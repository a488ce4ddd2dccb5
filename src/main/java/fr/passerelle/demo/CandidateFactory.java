package fr.passerelle.demo;

import fr.passerelle.demo.DemoCandidate.Consent;
import fr.passerelle.demo.DemoCandidate.Criterion;
import fr.passerelle.demo.DemoCandidate.TargetOccupation;
import fr.passerelle.demo.DemoReference.Commune;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives candidate number i from the seed alone, so it can be regenerated anywhere. Shares (of all
 * candidates): under 26 ≈ 15 %, 50 and over ≈ 25 %; long-term unemployed ≈ 40 % (DETLD, 24 months
 * or more, ≈ 18 %; DELD, 12 to 23 months, ≈ 22 %: one criterion each, the most specific); RQTH ≈ 9
 * %; AAH ≈ 2 % (among RQTH); ASS ≈ 3 % (among the long-term unemployed); RSA ≈ 15 % (aged 25 or
 * more); QPV ≈ 8 % (only in communes with a QPV); share consent ≈ 85 %, sensitive consent ≈ 60 % of
 * those.
 */
final class CandidateFactory {
  static final double YOUTH = 0.15;
  static final double SENIOR = 0.25;
  static final double LONG_TERM = 0.40;
  static final double VERY_LONG_TERM_OF_LONG_TERM = 0.45;
  static final double RQTH = 0.09;
  static final double AAH_OF_RQTH = 0.25;
  static final double ASS_OF_LONG_TERM = 0.075;
  static final double RSA_OF_ELIGIBLE = 0.18;
  static final double QPV = 0.08;
  static final double SHARE = 0.85;
  static final double SENSITIVE_OF_SHARE = 0.60;

  private static final int[] MOBILITY = {5, 10, 15, 20, 30, 50};
  private static final int[] MOBILITY_WEIGHT = {10, 20, 15, 20, 20, 15};
  private static final String[] TEMP_DEPARTMENTS = {null, "34", "66"};

  private final DemoWorld world;
  private final double qpvOfResidents;

  CandidateFactory(DemoWorld world) {
    this.world = world;
    double share = world.ref.qpvPopulationShare;
    this.qpvOfResidents = share <= 0 ? 0 : Math.min(1, QPV / share);
  }

  DemoCandidate make(int i) {
    SplittableRandom r = world.seeds.rng(Seeds.CANDIDATE, i);
    LocalDate today = world.today;
    double o = r.nextDouble();
    int office = o < 0.8 ? 0 : o < 0.9 ? 1 : 2;
    boolean female = r.nextBoolean();
    String first = (female ? world.ref.femaleFirstNames : world.ref.maleFirstNames).pick(r);
    String last = world.ref.lastNames.pick(r);

    double a = r.nextDouble();
    int age =
        a < YOUTH
            ? 18 + r.nextInt(8)
            : a < YOUTH + SENIOR ? 50 + r.nextInt(15) : 26 + r.nextInt(24);
    LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));

    Commune commune =
        office > 0 && r.nextDouble() < 0.7
            ? world.ref.communeIn(TEMP_DEPARTMENTS[office], r)
            : world.ref.communes.pick(r);

    boolean longTerm = r.nextDouble() < LONG_TERM;
    boolean veryLong = longTerm && r.nextDouble() < VERY_LONG_TERM_OF_LONG_TERM;
    int monthsRegistered =
        veryLong ? 24 + r.nextInt(49) : longTerm ? 12 + r.nextInt(12) : r.nextInt(12);
    LocalDate registered = today.minusMonths(monthsRegistered).minusDays(r.nextInt(28));
    if (registered.isBefore(birth.plusYears(16))) {
      registered = birth.plusYears(16);
    }

    List<Criterion> criteria = new ArrayList<>();
    if (veryLong) {
      criteria.add(proofed(r, "DETLD", registered.plusMonths(24)));
    } else if (longTerm) {
      criteria.add(proofed(r, "DELD", registered.plusMonths(12)));
    }
    boolean rqth = r.nextDouble() < RQTH;
    if (rqth) {
      criteria.add(proofed(r, "RQTH", registered.minusDays(r.nextInt(1500))));
      if (r.nextDouble() < AAH_OF_RQTH) {
        criteria.add(proofed(r, "AAH", registered.minusDays(r.nextInt(900))));
      }
    }
    boolean ass = longTerm && r.nextDouble() < ASS_OF_LONG_TERM;
    if (ass) {
      criteria.add(proofed(r, "ASS", registered.plusMonths(12 + r.nextInt(6))));
    } else if (age >= 25 && r.nextDouble() < RSA_OF_ELIGIBLE) {
      criteria.add(proofed(r, "RSA", registered.minusDays(r.nextInt(700))));
    }
    if (commune.qpv() && r.nextDouble() < qpvOfResidents) {
      criteria.add(proofed(r, "QPV", registered));
    }
    if (age < 26) {
      criteria.add(new Criterion("YOUTH", registered, true, registered));
    }
    if (age >= 50) {
      LocalDate fifty = birth.plusYears(50);
      criteria.add(
          new Criterion("SENIOR", fifty, true, registered.isAfter(fifty) ? registered : fifty));
    }

    List<TargetOccupation> occupations = new ArrayList<>();
    int count = 1 + (r.nextDouble() < 0.5 ? 0 : r.nextDouble() < 0.7 ? 1 : 2);
    int maxYears = Math.max(0, age - 18);
    DemoReference.Occupation main = world.ref.occupations.pick(r);
    occupations.add(new TargetOccupation(main.romeCode(), Math.min(maxYears, r.nextInt(16))));
    for (int tries = 0; occupations.size() < count && tries < 20; tries++) {
      DemoReference.Occupation next = world.ref.occupations.pick(r);
      boolean sameSector = next.sector().equals(main.sector());
      boolean fresh = occupations.stream().noneMatch(t -> t.romeCode().equals(next.romeCode()));
      if (fresh && (sameSector || tries > 4 || r.nextDouble() < 0.3)) {
        occupations.add(new TargetOccupation(next.romeCode(), Math.min(maxYears, r.nextInt(8))));
      }
    }

    boolean share = r.nextDouble() < SHARE;
    boolean sensitive = share && r.nextDouble() < SENSITIVE_OF_SHARE;
    long sinceRegistered = today.toEpochDay() - registered.toEpochDay();
    LocalDate consentOn = registered.plusDays(r.nextInt((int) Math.min(30, sinceRegistered) + 1));
    Consent consent = new Consent(share, consentOn, sensitive, world.counselorOf(office, r).id());

    double s = r.nextDouble();
    String status =
        s < 0.80 ? "ACTIVE" : s < 0.87 ? "IN_TRAINING" : s < 0.95 ? "EMPLOYED" : "INACTIVE";
    boolean licence = r.nextDouble() < (age < 26 ? 0.5 : 0.78);
    LocalDate available =
        r.nextDouble() < 0.8 ? today.minusDays(r.nextInt(60)) : today.plusDays(1 + r.nextInt(45));
    String email = Texts.slug(first) + "." + Texts.slug(last) + "." + (i + 1) + "@exemple.fr";
    return new DemoCandidate(
        i,
        world.seeds.id(Seeds.CANDIDATE, i),
        office,
        first,
        last,
        birth,
        age,
        commune,
        Texts.address(r),
        email,
        Texts.mobile(r),
        mobility(r),
        licence,
        available,
        status,
        registered,
        List.copyOf(criteria),
        List.copyOf(occupations),
        consent);
  }

  private Criterion proofed(SplittableRandom r, String code, LocalDate since) {
    LocalDate at = since.isAfter(world.today) ? world.today : since;
    boolean seen = r.nextDouble() < 0.8;
    LocalDate seenOn = at.plusDays(r.nextInt(30));
    return new Criterion(
        code, at, seen, seen ? (seenOn.isAfter(world.today) ? world.today : seenOn) : null);
  }

  private static int mobility(SplittableRandom r) {
    int x = r.nextInt(100);
    for (int k = 0; k < MOBILITY.length; k++) {
      x -= MOBILITY_WEIGHT[k];
      if (x < 0) {
        return MOBILITY[k];
      }
    }
    return MOBILITY[MOBILITY.length - 1];
  }
}
