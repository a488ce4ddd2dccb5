package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.countDistinct;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService.Options;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated data looks like the region's job seekers: shares within tolerance on 5,000. */
class DemoSharesTest {
  static final int N = 5000;
  static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

  @TempDir static Path dir;
  static Services services;
  static DSLContext dsl;

  @BeforeAll
  static void generate() {
    services = TestServices.open(dir);
    new DemoService(services).generate(new Options(N, 2026, N / 2, TODAY), Progress.NONE);
    dsl = services.db().dsl();
  }

  @AfterAll
  static void close() {
    services.close();
  }

  private static double shareWith(String... criteria) {
    int n =
        dsl.select(countDistinct(CANDIDATE_CRITERION.CANDIDATE_ID))
            .from(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.CRITERION.in(criteria))
            .fetchOne(0, int.class);
    return (double) n / N;
  }

  @Test
  void priorityPublicsHavePlausibleShares() {
    assertThat(shareWith("RQTH")).isBetween(0.07, 0.11);
    assertThat(shareWith("DELD", "DETLD")).isBetween(0.35, 0.45);
    assertThat(shareWith("DETLD")).isBetween(0.14, 0.22);
    assertThat(shareWith("RSA")).isBetween(0.12, 0.18);
    assertThat(shareWith("ASS")).isBetween(0.015, 0.045);
    assertThat(shareWith("AAH")).isBetween(0.01, 0.035);
    assertThat(shareWith("QPV")).isBetween(0.06, 0.10);
    assertThat(shareWith("YOUTH")).isBetween(0.12, 0.18);
    assertThat(shareWith("SENIOR")).isBetween(0.21, 0.29);
  }

  @Test
  void longTermUnemploymentIsOneCriterionTheMostSpecific() {
    int both =
        dsl.fetchCount(
            dsl.select(CANDIDATE_CRITERION.CANDIDATE_ID)
                .from(CANDIDATE_CRITERION)
                .where(CANDIDATE_CRITERION.CRITERION.in("DELD", "DETLD"))
                .groupBy(CANDIDATE_CRITERION.CANDIDATE_ID)
                .having(org.jooq.impl.DSL.count().gt(1)));
    assertThat(both).isZero();
    // DETLD: registered for 24 months or more; DELD: 12 to 23 months.
    for (var r :
        dsl.select(CANDIDATE_CRITERION.CRITERION, CANDIDATE.REGISTERED_ON)
            .from(CANDIDATE_CRITERION)
            .join(CANDIDATE)
            .on(CANDIDATE.ID.eq(CANDIDATE_CRITERION.CANDIDATE_ID))
            .where(CANDIDATE_CRITERION.CRITERION.in("DELD", "DETLD"))
            .fetch()) {
      int months = (int) Period.between(r.value2(), TODAY).toTotalMonths();
      assertThat(months)
          .as(r.toString())
          .isGreaterThanOrEqualTo(r.value1().equals("DELD") ? 12 : 24);
    }
  }

  @Test
  void qpvResidentsLiveInCommunesWithAQpv() {
    int outside =
        dsl.fetchCount(
            dsl.select(CANDIDATE.ID)
                .from(CANDIDATE_CRITERION)
                .join(CANDIDATE)
                .on(CANDIDATE.ID.eq(CANDIDATE_CRITERION.CANDIDATE_ID))
                .join(COMMUNE)
                .on(COMMUNE.INSEE_CODE.eq(CANDIDATE.COMMUNE_CODE))
                .where(CANDIDATE_CRITERION.CRITERION.eq("QPV"))
                .and(COMMUNE.QPV.isFalse()));
    assertThat(outside).isZero();
    int unknownCommune =
        dsl.fetchCount(
            CANDIDATE, CANDIDATE.COMMUNE_CODE.notIn(dsl.select(COMMUNE.INSEE_CODE).from(COMMUNE)));
    assertThat(unknownCommune).isZero();
  }

  @Test
  void youthAndSeniorMatchTheBirthDate() {
    int checked = 0;
    for (Record2<java.util.UUID, LocalDate> c :
        dsl.select(CANDIDATE.ID, CANDIDATE.BIRTH_DATE).from(CANDIDATE).fetch()) {
      int age = Period.between(c.value2(), TODAY).getYears();
      assertThat(age).isBetween(18, 64);
      boolean youth =
          dsl.fetchExists(
              CANDIDATE_CRITERION,
              CANDIDATE_CRITERION
                  .CANDIDATE_ID
                  .eq(c.value1())
                  .and(CANDIDATE_CRITERION.CRITERION.eq("YOUTH")));
      boolean senior =
          dsl.fetchExists(
              CANDIDATE_CRITERION,
              CANDIDATE_CRITERION
                  .CANDIDATE_ID
                  .eq(c.value1())
                  .and(CANDIDATE_CRITERION.CRITERION.eq("SENIOR")));
      assertThat(youth).as("YOUTH at age %d", age).isEqualTo(age < 26);
      assertThat(senior).as("SENIOR at age %d", age).isEqualTo(age >= 50);
      checked++;
    }
    assertThat(checked).isEqualTo(N);
  }

  @Test
  void mostButNotAllConsentAndSensitiveConsentIsSeparate() {
    int granted = dsl.fetchCount(CANDIDATE_CONSENT, CANDIDATE_CONSENT.SHARE.isTrue());
    int sensitive =
        dsl.fetchCount(
            CANDIDATE_CONSENT,
            CANDIDATE_CONSENT.SHARE.isTrue().and(CANDIDATE_CONSENT.SENSITIVE.isTrue()));
    assertThat((double) granted / N).isBetween(0.82, 0.88);
    assertThat((double) sensitive / granted).isBetween(0.55, 0.65);
    assertThat(
            dsl.fetchCount(
                CANDIDATE_CONSENT,
                CANDIDATE_CONSENT.SHARE.isFalse().and(CANDIDATE_CONSENT.SENSITIVE.isTrue())))
        .isZero();
    assertThat(dsl.fetchCount(CANDIDATE_CONSENT, CANDIDATE_CONSENT.SHARE_AT.isNull())).isZero();
  }

  @Test
  void candidatesHaveOneToThreeOccupationsAndWellFormedContacts() {
    var perCandidate =
        dsl.select(CANDIDATE_OCCUPATION.CANDIDATE_ID, org.jooq.impl.DSL.count())
            .from(CANDIDATE_OCCUPATION)
            .groupBy(CANDIDATE_OCCUPATION.CANDIDATE_ID)
            .fetch();
    assertThat(perCandidate).hasSize(N);
    assertThat(perCandidate).allSatisfy(r -> assertThat(r.value2()).isBetween(1, 3));
    assertThat(
            dsl.fetchCount(
                CANDIDATE_OCCUPATION,
                CANDIDATE_OCCUPATION.ROME_CODE.notIn(
                    dsl.select(OCCUPATION.ROME_CODE).from(OCCUPATION))))
        .isZero();
    assertThat(dsl.select(CANDIDATE.EMAIL, CANDIDATE.PHONE).from(CANDIDATE).fetch())
        .allSatisfy(
            r -> {
              assertThat(r.value1()).matches("[a-z0-9-]+\\.[a-z0-9-]+\\.\\d+@exemple\\.fr");
              assertThat(r.value2()).matches("0[67]( \\d\\d){4}");
            });
    assertThat(dsl.selectDistinct(CANDIDATE.LAST_NAME).from(CANDIDATE).fetch(CANDIDATE.LAST_NAME))
        .hasSizeGreaterThan(150)
        .contains("Martin", "Garcia");
    assertThat(dsl.selectDistinct(CANDIDATE.FIRST_NAME).from(CANDIDATE).fetch(CANDIDATE.FIRST_NAME))
        .anyMatch(n -> !n.equals(fr.passerelle.db.TextNorm.normalize(n)));
  }

  @Test
  void offersComeFromBothNetworksAndSomeStayOpenLong() {
    int offers = N / 2;
    double temp = (double) dsl.fetchCount(JOB_OFFER, JOB_OFFER.SOURCE.eq("TEMP_AGENCY")) / offers;
    assertThat(temp).isBetween(0.17, 0.23);
    assertThat(
            dsl.fetchCount(
                JOB_OFFER,
                JOB_OFFER.CLOSED_ON.isNull().and(JOB_OFFER.OPENED_ON.lt(TODAY.minusDays(90)))))
        .isGreaterThan(offers / 20);
    assertThat(dsl.fetchCount(JOB_OFFER, JOB_OFFER.CLOSED_ON.isNotNull()))
        .isGreaterThan(offers / 4);
    assertThat(dsl.fetchCount(JOB_OFFER, JOB_OFFER.CLOSED_ON.gt(TODAY))).isZero();
    assertThat(dsl.selectDistinct(JOB_OFFER.CONTRACT).from(JOB_OFFER).fetch(JOB_OFFER.CONTRACT))
        .containsExactlyInAnyOrder("INTERIM", "CDD", "CDI", "CDI_INTERIMAIRE", "ALTERNANCE");
    // Temp-agency offers belong to a temp-work agency office.
    assertThat(
            dsl.fetchCount(
                JOB_OFFER.join(OFFICE).on(OFFICE.ID.eq(JOB_OFFER.OFFICE_ID)),
                JOB_OFFER.SOURCE.eq("TEMP_AGENCY").and(OFFICE.KIND.ne("TEMP_AGENCY"))))
        .isZero();
  }

  @Test
  void pastMeetingsRecordAttendanceAndFutureOnesDoNot() {
    LocalDateTime now = TODAY.atStartOfDay();
    var past =
        dsl.selectDistinct(MEETING_PARTICIPANT.STATUS)
            .from(MEETING_PARTICIPANT)
            .join(MEETING)
            .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
            .where(MEETING.STARTS_AT.lt(now).and(MEETING.STATUS.eq("HELD")))
            .fetch(MEETING_PARTICIPANT.STATUS);
    assertThat(past).contains("PRESENT", "ABSENT");
    var future =
        dsl.selectDistinct(MEETING_PARTICIPANT.STATUS)
            .from(MEETING_PARTICIPANT)
            .join(MEETING)
            .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
            .where(MEETING.STARTS_AT.gt(now))
            .fetch(MEETING_PARTICIPANT.STATUS);
    assertThat(future).doesNotContain("PRESENT", "ABSENT").contains("INVITED", "CONFIRMED");
    assertThat(
            dsl.selectDistinct(MEETING_PARTNER.PARTNER)
                .from(MEETING_PARTNER)
                .fetch(MEETING_PARTNER.PARTNER))
        .contains("AKTO", "FASTT", "CAP_EMPLOI", "EMPLOYER");
  }

  @Test
  void sharedSourcingListsHoldOnlyConsentingCandidates() {
    assertThat(dsl.fetchCount(SOURCING_ENTRY)).isPositive();
    int unconsented =
        dsl.fetchCount(
            SOURCING_ENTRY
                .join(SOURCING_LIST)
                .on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
                .join(CANDIDATE_CONSENT)
                .on(CANDIDATE_CONSENT.CANDIDATE_ID.eq(SOURCING_ENTRY.CANDIDATE_ID)),
            SOURCING_LIST.SHARED_OFFICE_ID.isNotNull().and(CANDIDATE_CONSENT.SHARE.isFalse()));
    assertThat(unconsented).isZero();
    // Entries target the list's occupation.
    int offTarget =
        dsl.fetchCount(
            SOURCING_ENTRY.join(SOURCING_LIST).on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID)),
            org.jooq.impl.DSL.notExists(
                dsl.selectOne()
                    .from(CANDIDATE_OCCUPATION)
                    .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(SOURCING_ENTRY.CANDIDATE_ID))
                    .and(CANDIDATE_OCCUPATION.ROME_CODE.eq(SOURCING_LIST.ROME_CODE))));
    assertThat(offTarget).isZero();
  }

  @Test
  void trainingPathsHaveEventsUpToTheirStatusAndNothingInTheFuture() {
    assertThat(dsl.fetchCount(TRAINING_PATH)).isEqualTo(N / 60);
    assertThat(
            dsl.fetchCount(
                TRAINING_EVENT,
                TRAINING_EVENT.AT.gt(
                    TODAY.plusDays(1).atStartOfDay(DemoWorld.ZONE).toOffsetDateTime())))
        .isZero();
    var lastStatus =
        dsl.select(TRAINING_PATH.STATUS, TRAINING_EVENT.TO_STATUS)
            .from(TRAINING_PATH)
            .join(TRAINING_EVENT)
            .on(TRAINING_EVENT.PATH_ID.eq(TRAINING_PATH.ID))
            .where(
                TRAINING_EVENT.AT.eq(
                    dsl.select(org.jooq.impl.DSL.max(TRAINING_EVENT.as("e").AT))
                        .from(TRAINING_EVENT.as("e"))
                        .where(TRAINING_EVENT.as("e").PATH_ID.eq(TRAINING_PATH.ID))))
            .fetch();
    assertThat(lastStatus)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.value2()).isEqualTo(r.value1()));
  }
}
