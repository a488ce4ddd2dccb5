package fr.passerelle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each indicator on the hand-built data set of {@link DashboardFixture}, period January 2026
 * (previous period: December 2025). The expected numbers were worked out by hand from the fixture;
 * the reasoning is in the comments.
 */
class StatsServiceTest {
  static final Period JAN = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

  @TempDir Path dir;
  Services s;
  DashboardFixture fx;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir);
    fx = new DashboardFixture(s).build();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void theFirstFiguresAreCompleteOnlyWhileThePoolReadIsCurrent() {
    Indicators first = s.stats().firstIndicators(JAN, fx.officeA);
    Indicators all = officeA();
    assertThat(first.complete()).isFalse();
    assertThat(all.complete()).isTrue();
    // what the first figures hold is what every figure says of them
    first
        .figures()
        .forEach((key, figure) -> assertThat(all.figures().get(key)).as(key).isEqualTo(figure));
    assertThat(first.offersByMonth())
        .extracting(MonthPoint::franceTravail)
        .isEqualTo(all.offersByMonth().stream().map(MonthPoint::franceTravail).toList());

    assertThat(s.stats().firstIndicators(JAN, fx.officeA)).isEqualTo(all);

    fx.candidate(fx.officeA, "ACTIVE", "RQTH"); // the pool changed: read again next
    assertThat(s.stats().firstIndicators(JAN, fx.officeA).complete()).isFalse();
    assertThat(officeA().value("pool.rqth")).isEqualTo(all.value("pool.rqth") + 1);
  }

  private Indicators officeA() {
    return s.stats().indicators(JAN, fx.officeA);
  }

  @Test
  void thePreviousPeriodOfAMonthIsTheMonthBefore() {
    assertThat(JAN.previous())
        .isEqualTo(new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    Period tenDays = new Period(LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 20));
    assertThat(tenDays.previous())
        .isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10)));
  }

  @Test
  void offersBySourceAndHardToFill() {
    Indicators i = officeA();
    // opened in January, office A: FT = offers 1, 2 (11 is deleted); TA = offers 3, 8
    assertThat(i.figures().get("offers.franceTravail")).isEqualTo(new Figure(2, 1L)); // Dec: 4
    assertThat(i.figures().get("offers.tempAgency")).isEqualTo(new Figure(2, 0L));
    // hard to fill (the offers' rules, ADR 0174): every fixture offer is N1101 without a commune,
    // so nobody is in reach (2 points) and an offer is flagged once open more than 60 days (1
    // point more). Open on 31 Jan: 5 (122 days), 6 (72 days), 8 (marked YES); 7 closed 15 Jan,
    // 9 marked NO, 4 is 57 days old. On 31 Dec: 5 (91 days) and 7 (121 days) -> 2
    assertThat(i.figures().get("offers.hardToFill")).isEqualTo(new Figure(3, 2L));
    // all offices: offer 10 of office B adds one TA
    assertThat(s.stats().indicators(JAN, null).value("offers.tempAgency")).isEqualTo(3);
  }

  @Test
  void offersMonthlyTrend() {
    List<MonthPoint> m = officeA().offersByMonth();
    assertThat(m).hasSize(12);
    assertThat(m.get(0).month()).isEqualTo(YearMonth.of(2025, 2));
    assertThat(m.get(11)).isEqualTo(new MonthPoint(YearMonth.of(2026, 1), 2, 2, 3));
    assertThat(m.get(10)).isEqualTo(new MonthPoint(YearMonth.of(2025, 12), 1, 0, 2));
    // November: opened 6 (FT); hard on 30 Nov: 7 (90 days); 5 is exactly 60 days old, not more
    assertThat(m.get(9)).isEqualTo(new MonthPoint(YearMonth.of(2025, 11), 1, 0, 1));
    // October: opened 9 (FT) and 5 (TA); hard on 31 Oct: none (7 is exactly 60 days old)
    assertThat(m.get(8)).isEqualTo(new MonthPoint(YearMonth.of(2025, 10), 1, 1, 0));
    // September: opened 7; nothing 60 days old yet
    assertThat(m.get(7)).isEqualTo(new MonthPoint(YearMonth.of(2025, 9), 1, 0, 0));
  }

  @Test
  void candidatesInListsAndPriorityShares() {
    Indicators i = officeA();
    // January entries of office A's lists: c1 (twice, counted once), c3; c4's entry is deleted
    assertThat(i.figures().get("sourcing.candidates")).isEqualTo(new Figure(2, 1L)); // Dec: c2
    assertThat(i.figures().get("sourcing.priority")).isEqualTo(new Figure(1, 1L)); // c1 | c2 (RSA)
    assertThat(i.figures().get("sourcing.rqth")).isEqualTo(new Figure(1, 0L)); // c1
    assertThat(i.priorityShareInLists()).isEqualTo(50.0);
    // pool of office A: c1 c2 c3 c4 c7 (c6 inactive); priority c1 c2; RQTH c1 (c7's is deleted)
    assertThat(i.value("pool.candidates")).isEqualTo(5);
    assertThat(i.value("pool.priority")).isEqualTo(2);
    assertThat(i.value("pool.rqth")).isEqualTo(1);
    assertThat(i.priorityShareInPool()).isEqualTo(40.0);
    assertThat(i.rqthShareInPool()).isEqualTo(20.0);
    assertThat(i.figures().get("pool.candidates").trend()).isNull();
    // all offices: + c5 (RQTH, office B) in list and pool
    Indicators all = s.stats().indicators(JAN, null);
    assertThat(all.value("sourcing.candidates")).isEqualTo(3);
    assertThat(all.value("sourcing.rqth")).isEqualTo(2);
    assertThat(all.value("pool.candidates")).isEqualTo(6);
    assertThat(all.value("pool.rqth")).isEqualTo(2);
  }

  @Test
  void meetingsHeldParticipantsAndAttendance() {
    Indicators i = officeA();
    // held in January for office A: 14 Jan, 31 Jan 16:00, and office B's on 20 Jan co-organised
    // by A; not the planned one, not 1 Feb 00:00
    assertThat(i.figures().get("meetings.held")).isEqualTo(new Figure(3, 1L));
    // registered candidates (waitlisted and partners excluded): 4 + 1 + 1; present: 2 + 1 + 1
    assertThat(i.figures().get("meetings.registered")).isEqualTo(new Figure(6, 1L));
    assertThat(i.figures().get("meetings.present")).isEqualTo(new Figure(4, 0L));
    assertThat(i.attendanceRate()).isEqualTo(66.7);
  }

  @Test
  void reconversionsByScheme() {
    Indicators i = officeA();
    // started in January having reached "in training": T1 (POEC), T5 (CPF, dropped after), T8
    // (no scheme); T4 only applied; T6 started in December
    assertThat(i.figures().get("training.started")).isEqualTo(new Figure(3, 1L));
    // completed in January: T2 (POEI); T5 ended in January but was dropped
    assertThat(i.figures().get("training.completed")).isEqualTo(new Figure(1, 0L));
    // employed at six months, outcome recorded in January: T3 (POEI); T9 is still seeking
    assertThat(i.figures().get("training.employedSixMonths")).isEqualTo(new Figure(1, 0L));
    assertThat(i.trainingByScheme())
        .containsExactly(
            new SchemeRow("CPF", 1, 0, 0),
            new SchemeRow("NONE", 1, 0, 0),
            new SchemeRow("POEC", 1, 0, 0),
            new SchemeRow("POEI", 0, 1, 1));
    // all offices: T7 (office B, POEC) also started
    assertThat(s.stats().indicators(JAN, null).value("training.started")).isEqualTo(4);
  }

  @Test
  void statsJsonPrintsTheSameFiguresAsTheDashboard() {
    s.close();
    var r =
        Cli.run(
            dir,
            "stats",
            "--json",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--office",
            fx.officeA.toString());
    s = TestServices.open(dir);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"rows\"", "\"indicators\"", "\"training_path\" : 9")
        .containsPattern("\"offers.hardToFill\" : \\{\\s*\"value\" : 3,\\s*\"previous\" : 2")
        .containsPattern("\"meetings.present\" : \\{\\s*\"value\" : 4")
        .contains("\"attendancePct\" : 66.7");
    var bad = Cli.run(dir, "stats", "--from", "2026-02-01", "--to", "2026-01-01");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--to");
  }
}
