package fr.passerelle.demo;

import fr.passerelle.db.jooq.tables.records.TrainingEventRecord;
import fr.passerelle.db.jooq.tables.records.TrainingPathRecord;
import fr.passerelle.demo.DemoReference.Occupation;
import fr.passerelle.demo.DemoWorld.Person;
import fr.passerelle.demo.OfferFactory.DemoOffer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Reconversion paths towards tense occupations, with their funding scheme and the dated status
 * changes (events) that led to their current status.
 */
final class TrainingStage {
  private static final String[] CHAIN = {
    "IDEA", "APPLIED", "FUNDED", "IN_TRAINING", "COMPLETED", "EMPLOYED"
  };
  private static final String[] SCHEMES = {
    "POEI", "POEC", "AIF", "CPF", "CDPI", "CPRO_INTERIM", "PRO_A", "REGION"
  };
  private static final int[] SCHEME_WEIGHTS = {20, 15, 15, 15, 8, 12, 5, 10};
  private static final String[] PROVIDERS = {
    "AFPA Occitanie",
    "GRETA Midi-Pyrénées",
    "GRETA Languedoc-Roussillon",
    "Akto formation",
    "CFA du BTP Occitanie",
    "AFTRAL",
    "Promotrans",
    "IFSI du CHU",
    "Croix-Rouge Compétence",
    "CCI Formation"
  };

  private final DemoWorld world;
  private final CandidateFactory candidates;
  private final OfferFactory offers;

  TrainingStage(DemoWorld world, CandidateFactory candidates, OfferFactory offers) {
    this.world = world;
    this.candidates = candidates;
    this.offers = offers;
  }

  void run(RowSink sink, Runnable tick) {
    for (int p = 0; p < world.paths; p++) {
      write(sink, p);
      tick.run();
    }
  }

  private void write(RowSink sink, int p) {
    SplittableRandom r = world.seeds.rng(Seeds.PATH, p);
    DemoCandidate c = candidates.make(r.nextInt(world.candidates));
    Occupation target = world.ref.tenseOccupations.pick(r);
    String scheme = scheme(r);
    boolean tempScheme = scheme.equals("CDPI") || scheme.equals("CPRO_INTERIM");
    int office = tempScheme ? (c.office() == 0 ? 1 + r.nextInt(2) : c.office()) : c.office();
    Person counselor = world.counselorOf(office, r);
    int hours = 70 + 35 * r.nextInt(20);
    int weeks = Math.max(2, hours / 35);

    // Current status, then the step dates laid out so that the status's own step is the last one
    // on or before "demo today" (the later ones are planned dates).
    double x = r.nextDouble();
    int reached = x < 0.10 ? 0 : x < 0.25 ? 1 : x < 0.40 ? 2 : x < 0.65 ? 3 : x < 0.80 ? 4 : 5;
    boolean dropped = reached >= 1 && reached <= 3 && r.nextDouble() < 0.15;
    long[] offsets = new long[CHAIN.length];
    offsets[1] = 7 + r.nextInt(40); // idea -> applied
    offsets[2] = offsets[1] + 7 + r.nextInt(25); // -> funded
    offsets[3] = offsets[2] + 7 + r.nextInt(25); // -> training starts
    offsets[4] = offsets[3] + 7L * weeks; // -> completed
    offsets[5] = offsets[4] + 7 + r.nextInt(60); // -> employed
    long room = reached < CHAIN.length - 1 ? offsets[reached + 1] - offsets[reached] : 150;
    LocalDate idea = world.today.minusDays(offsets[reached] + r.nextLong(room));
    List<LocalDate> dates = new ArrayList<>();
    for (long o : offsets) {
      dates.add(idea.plusDays(o));
    }
    LocalDate start = dates.get(3);
    LocalDate end = dates.get(4);
    String status = dropped ? "DROPPED" : CHAIN[reached];

    DemoOffer offer = scheme.equals("POEI") ? offers.offer(r.nextInt(world.offers)) : null;
    UUID id = world.seeds.id(Seeds.PATH, p);
    TrainingPathRecord t = new TrainingPathRecord();
    t.setId(id);
    t.setCandidateId(c.id());
    t.setCounselorId(counselor.id());
    t.setOfficeId(world.office(office).id());
    t.setFromRomeCode(c.firstRomeCode());
    t.setTargetRomeCode(target.romeCode());
    t.setTitle("Formation " + target.label());
    t.setProvider(PROVIDERS[r.nextInt(PROVIDERS.length)]);
    t.setPlace(world.ref.communes.pick(r).name());
    t.setHours(hours);
    t.setStartsOn(start);
    t.setEndsOn(end);
    t.setFundingScheme(scheme);
    t.setFundingAmount(BigDecimal.valueOf(hours * (9L + r.nextInt(7))).setScale(2));
    t.setOfferId(offer == null ? null : offer.id());
    t.setEmployerId(offer == null ? null : world.seeds.id(Seeds.EMPLOYER, offer.employer()));
    t.setStatus(status);
    if (reached >= 4) {
      double o = r.nextDouble();
      t.setOutcome(
          reached == 5
              ? (o < 0.8 ? "EMPLOYED_TARGET" : "EMPLOYED_OTHER")
              : (o < 0.7 ? "SEEKING" : "UNKNOWN"));
      t.setOutcomeOn(dates.get(reached));
    }
    sink.add(t);

    String from = null;
    for (int k = 0; k <= reached; k++) {
      addEvent(sink, p, k + 1, id, dates.get(k), from, CHAIN[k], counselor, null);
      from = CHAIN[k];
    }
    if (dropped) {
      LocalDate at = dates.get(reached).plusDays(1 + r.nextInt(20));
      addEvent(
          sink,
          p,
          reached + 2,
          id,
          at.isAfter(world.today) ? world.today : at,
          from,
          "DROPPED",
          counselor,
          "Abandon : difficultés de garde d'enfants et de transport");
    }
  }

  private void addEvent(
      RowSink sink,
      int p,
      int child,
      UUID path,
      LocalDate day,
      String from,
      String to,
      Person by,
      String note) {
    TrainingEventRecord e = new TrainingEventRecord();
    e.setId(world.seeds.id(Seeds.PATH, p, child));
    e.setPathId(path);
    e.setAt(day.atTime(LocalTime.of(11, 0)).atZone(DemoWorld.ZONE).toOffsetDateTime());
    e.setFromStatus(from);
    e.setToStatus(to);
    e.setNote(note);
    e.setCounselorId(by.id());
    sink.add(e);
  }

  private static String scheme(SplittableRandom r) {
    int x = r.nextInt(100);
    for (int k = 0; k < SCHEMES.length; k++) {
      x -= SCHEME_WEIGHTS[k];
      if (x < 0) {
        return SCHEMES[k];
      }
    }
    return SCHEMES[0];
  }
}
