package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.demo.DemoService.Options;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoServiceTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

  @TempDir Path dir;

  private static Options options(int candidates, long seed) {
    return new Options(candidates, seed, candidates / 2, TODAY);
  }

  @Test
  void sameSeedAndSameTodayGiveTheSameDataAndAnotherSeedDoesNot() throws Exception {
    Fingerprint a = generate(dir.resolve("a"), options(300, 7));
    Fingerprint b = generate(dir.resolve("b"), options(300, 7));
    Fingerprint c = generate(dir.resolve("c"), options(300, 8));
    Fingerprint d = generate(dir.resolve("d"), new Options(300, 7, 150, TODAY.plusDays(1)));

    assertThat(b.counts()).isEqualTo(a.counts());
    assertThat(b.hash()).isEqualTo(a.hash());
    assertThat(c.hash()).isNotEqualTo(a.hash());
    assertThat(d.hash()).as("another day lays the data out differently").isNotEqualTo(a.hash());
    assertThat(a.counts())
        .containsEntry("candidate", 300)
        .containsEntry("candidate_consent", 300)
        .containsEntry("job_offer", 150)
        .containsEntry("office", 3);
    for (String table :
        new String[] {
          "counselor",
          "employer",
          "meeting",
          "meeting_participant",
          "meeting_partner",
          "sourcing_list",
          "sourcing_entry",
          "training_path",
          "training_event",
          "candidate_criterion",
          "candidate_occupation"
        }) {
      assertThat(a.counts().get(table)).as(table).isPositive();
    }
  }

  /**
   * The demo's meetings, past ones included, hold no more candidates on their places than they
   * have: those invited once the places were taken stay on the waitlist (session 15 found 1,022
   * past meetings of the region demo over their places by up to 5, marked present or absent).
   */
  @Test
  void noMeetingHoldsMoreCandidatesThanItsPlaces() {
    try (Services s = TestServices.open(dir)) {
      new DemoService(s).generate(options(400, 3), Progress.NONE);
      DSLContext dsl = s.db().dsl();
      var seated =
          org.jooq
              .impl
              .DSL
              .count()
              .filterWhere(
                  MEETING_PARTICIPANT
                      .ROLE
                      .eq("CANDIDATE")
                      .and(
                          MEETING_PARTICIPANT.STATUS.in(
                              java.util.Arrays.stream(
                                      fr.passerelle.meetings.ParticipantStatus.values())
                                  .filter(fr.passerelle.meetings.ParticipantStatus::holdsPlace)
                                  .map(Enum::name)
                                  .toList())));
      var over =
          dsl.select(MEETING.ID)
              .from(MEETING)
              .join(MEETING_PARTICIPANT)
              .on(MEETING_PARTICIPANT.MEETING_ID.eq(MEETING.ID))
              .where(MEETING.CAPACITY.isNotNull())
              .groupBy(MEETING.ID, MEETING.CAPACITY)
              .having(seated.gt(MEETING.CAPACITY))
              .fetch();
      assertThat(over).isEmpty();
      assertThat(
              dsl.fetchCount(
                  MEETING_PARTICIPANT,
                  MEETING_PARTICIPANT
                      .STATUS
                      .eq("WAITLISTED")
                      .and(
                          MEETING_PARTICIPANT.MEETING_ID.in(
                              dsl.select(MEETING.ID)
                                  .from(MEETING)
                                  .where(MEETING.STATUS.eq("HELD"))))))
          .as("some past meetings had more people invited than places: their waitlist stays")
          .isPositive();
    }
  }

  record Fingerprint(Map<String, Integer> counts, String hash) {}

  private static Fingerprint generate(Path dataDir, Options options) throws Exception {
    try (Services s = TestServices.open(dataDir)) {
      new DemoService(s).generate(options, Progress.NONE);
      DSLContext dsl = s.db().dsl();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Record r :
          dsl.select(
                  CANDIDATE.ID,
                  CANDIDATE.FIRST_NAME,
                  CANDIDATE.LAST_NAME,
                  CANDIDATE.BIRTH_DATE,
                  CANDIDATE.COMMUNE_CODE,
                  CANDIDATE.EMAIL,
                  CANDIDATE.REGISTERED_ON)
              .from(CANDIDATE)
              .orderBy(CANDIDATE.ID)) {
        md.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
      }
      for (Record r :
          dsl.select(
                  CANDIDATE_CRITERION.ID, CANDIDATE_CRITERION.CRITERION, CANDIDATE_CRITERION.SINCE)
              .from(CANDIDATE_CRITERION)
              .orderBy(CANDIDATE_CRITERION.ID)) {
        md.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
      }
      for (Record r :
          dsl.select(JOB_OFFER.ID, JOB_OFFER.TITLE, JOB_OFFER.OPENED_ON, JOB_OFFER.CLOSED_ON)
              .from(JOB_OFFER)
              .orderBy(JOB_OFFER.ID)) {
        md.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
      }
      for (Record r :
          dsl.select(
                  MEETING_PARTICIPANT.ID,
                  MEETING_PARTICIPANT.CANDIDATE_ID,
                  MEETING_PARTICIPANT.STATUS)
              .from(MEETING_PARTICIPANT)
              .orderBy(MEETING_PARTICIPANT.ID)) {
        md.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
      }
      return new Fingerprint(s.stats().rowCounts(), HexFormat.of().formatHex(md.digest()));
    }
  }

  @Test
  void withoutAnOfficeTheAgencyBecomesThisInstallationsOffice() {
    try (Services s = TestServices.open(dir)) {
      new DemoService(s).generate(options(50, 1), Progress.NONE);
      assertThat(s.offices().current())
          .hasValueSatisfying(
              o -> {
                assertThat(o.name()).isEqualTo(DemoOffices.FT_NAME);
                assertThat(o.kind()).isEqualTo(OfficeKind.FRANCE_TRAVAIL);
              });
      assertThat(s.offices().all()).hasSize(3);
    }
  }

  @Test
  void anExistingTempAgencyOfficeTakesTheRoleOfTheFirstTempAgency() {
    try (Services s = TestServices.withOffice(dir, "Agence Intérim Sète", OfficeKind.TEMP_AGENCY)) {
      var mine = s.offices().current().orElseThrow();
      new DemoService(s).generate(options(50, 1), Progress.NONE);
      assertThat(s.offices().current()).contains(mine);
      assertThat(s.offices().all()).hasSize(3);
      DSLContext dsl = s.db().dsl();
      assertThat(dsl.fetchCount(CANDIDATE, CANDIDATE.OFFICE_ID.eq(mine.id()))).isPositive();
      assertThat(dsl.fetchCount(OFFICE, OFFICE.ORGANISATION.eq(mine.organisation()))).isEqualTo(2);
    }
  }

  @Test
  void refusesAnInstallationThatAlreadyHasCandidatesAndChangesNothing() {
    try (Services s = TestServices.open(dir)) {
      DemoService demo = new DemoService(s);
      demo.generate(options(20, 1), Progress.NONE);
      Map<String, Integer> before = s.stats().rowCounts();
      assertThatThrownBy(() -> demo.generate(options(20, 2), Progress.NONE))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("already has 20 candidates");
      assertThat(s.stats().rowCounts()).isEqualTo(before);
    }
  }

  @Test
  void refusesZeroOrNegativeCounts() {
    try (Services s = TestServices.open(dir)) {
      DemoService demo = new DemoService(s);
      assertThatThrownBy(() -> demo.generate(options(0, 1), Progress.NONE))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("--candidates must be at least 1 (got 0).");
      assertThatThrownBy(() -> demo.generate(new Options(10, 1, -1, TODAY), Progress.NONE))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("--offers");
    }
  }

  @Test
  void cancellingRemovesEverythingAlreadyWritten() {
    try (Services s = TestServices.open(dir)) {
      long changeSeqBefore = ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq();
      Progress cancelLate =
          new Progress() {
            long lastDone;

            @Override
            public void update(long done, long total, String message) {
              lastDone = done;
            }

            @Override
            public boolean isCancelled() {
              return lastDone >= 4_000; // after several commits of candidates
            }
          };
      assertThatThrownBy(() -> new DemoService(s).generate(options(5_000, 3), cancelLate))
          .isInstanceOf(CancelledException.class);
      assertThat(s.stats().rowCounts().values()).containsOnly(0);
      assertThat(s.offices().current()).isEmpty();
      assertThat(ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq())
          .as("the counters move on: no (replica, seq) is ever reused")
          .isGreaterThan(changeSeqBefore);
    }
  }
}
