package fr.passerelle.demo;

import fr.passerelle.db.TextNorm;
import fr.passerelle.db.jooq.tables.records.CandidateConsentRecord;
import fr.passerelle.db.jooq.tables.records.CandidateCriterionRecord;
import fr.passerelle.db.jooq.tables.records.CandidateOccupationRecord;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Streams the candidates (with consent, criteria and target occupations) into the sink, and keeps a
 * bounded random sample of candidate numbers per target occupation (reservoir sampling) for the
 * sourcing lists.
 */
final class CandidateStage {
  static final int RESERVOIR = 256;

  private final DemoWorld world;
  private final CandidateFactory factory;
  private final Map<String, int[]> reservoirs = new HashMap<>();
  private final Map<String, Integer> seen = new HashMap<>();
  private final SplittableRandom reservoirRandom;

  CandidateStage(DemoWorld world, CandidateFactory factory) {
    this.world = world;
    this.factory = factory;
    this.reservoirRandom = world.seeds.rng(Seeds.RESERVOIR, 0);
  }

  void run(RowSink sink, Runnable tick) {
    for (int i = 0; i < world.candidates; i++) {
      write(sink, factory.make(i));
      tick.run();
    }
  }

  private void write(RowSink sink, DemoCandidate c) {
    CandidateRecord r = new CandidateRecord();
    r.setId(c.id());
    r.setOfficeId(world.office(c.office()).id());
    r.setFirstName(c.firstName());
    r.setLastName(c.lastName());
    r.setNameNorm(TextNorm.normalize(c.lastName() + " " + c.firstName()));
    r.setBirthDate(c.birthDate());
    r.setEmail(c.email());
    r.setPhone(c.phone());
    r.setAddress(c.address());
    r.setCommuneCode(c.commune().code());
    r.setMobilityKm(c.mobilityKm());
    r.setDrivingLicence(c.drivingLicence());
    r.setAvailableFrom(c.availableFrom());
    r.setStatus(c.status());
    r.setRegisteredOn(c.registeredOn());
    sink.add(r);

    CandidateConsentRecord consent = new CandidateConsentRecord();
    consent.setId(c.id());
    consent.setCandidateId(c.id());
    consent.setShare(c.consent().share());
    consent.setShareAt(
        c.consent()
            .shareOn()
            .atTime(LocalTime.of(10, 0))
            .atZone(DemoWorld.ZONE)
            .toOffsetDateTime());
    consent.setSensitive(c.consent().sensitive());
    consent.setSensitiveAt(c.consent().share() ? consent.getShareAt() : null);
    consent.setRecordedBy(c.consent().recordedBy());
    sink.add(consent);

    int child = 1;
    for (DemoCandidate.Criterion k : c.criteria()) {
      CandidateCriterionRecord cr = new CandidateCriterionRecord();
      cr.setId(world.seeds.id(Seeds.CANDIDATE, c.index(), child++));
      cr.setCandidateId(c.id());
      cr.setCriterion(k.code());
      cr.setSince(k.since());
      cr.setProofSeen(k.proofSeen());
      cr.setProofSeenOn(k.proofSeenOn());
      sink.add(cr);
    }
    child = 100;
    for (DemoCandidate.TargetOccupation t : c.occupations()) {
      CandidateOccupationRecord o = new CandidateOccupationRecord();
      o.setId(world.seeds.id(Seeds.CANDIDATE, c.index(), child++));
      o.setCandidateId(c.id());
      o.setRomeCode(t.romeCode());
      o.setExperienceYears(t.experienceYears());
      sink.add(o);
      sample(t.romeCode(), c.index());
    }
  }

  /** Reservoir sampling (algorithm R), per occupation. */
  private void sample(String rome, int index) {
    int n = seen.merge(rome, 1, Integer::sum);
    int[] res = reservoirs.computeIfAbsent(rome, k -> new int[RESERVOIR]);
    if (n <= RESERVOIR) {
      res[n - 1] = index;
    } else {
      int j = reservoirRandom.nextInt(n);
      if (j < RESERVOIR) {
        res[j] = index;
      }
    }
  }

  /** Up to {@value #RESERVOIR} candidate numbers (uniform sample) with this target occupation. */
  int[] sampleOf(String rome) {
    int[] res = reservoirs.get(rome);
    if (res == null) {
      return new int[0];
    }
    return java.util.Arrays.copyOf(res, Math.min(RESERVOIR, seen.get(rome)));
  }
}
