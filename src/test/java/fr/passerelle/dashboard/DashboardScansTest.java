package fr.passerelle.dashboard;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass offer figures ({@link OfferSnapshot}) and pool ({@link PoolCounts}) against the SQL
 * definitions ({@link SqlReference}) on generated data: offers without an opening day, closed the
 * day they opened, unknown sources and marks, without an office, deleted; candidates of every
 * status and none, criteria deleted, of deleted or unknown candidates. Then the kept snapshots must
 * follow writes.
 */
class DashboardScansTest {
  static final LocalDate START = LocalDate.of(2024, 6, 1);
  static final UUID UNKNOWN = UUID.randomUUID();

  @TempDir Path dir;
  Services s;
  SqlReference sql;
  final UUID officeA = UUID.randomUUID();
  final UUID officeB = UUID.randomUUID();
  final List<UUID> candidates = new ArrayList<>();

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir);
    sql = new SqlReference(s.db().dsl());
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private void offers(Random r, int n) {
    List<String> sources = Arrays.asList("FRANCE_TRAVAIL", "TEMP_AGENCY", "PARTNER", null);
    List<String> marks = Arrays.asList(null, null, "YES", "NO", "MAYBE");
    List<UUID> offices = Arrays.asList(officeA, officeA, officeB, null);
    // N1103 with candidates around Toulouse only, F1603 in a BMO-difficult family, no code
    List<String> romes = Arrays.asList("N1103", "N1103", "F1603", "K2204", null);
    List<String> communes = Arrays.asList(OfferFixtures.TOULOUSE, OfferFixtures.ALBI, null);
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (int i = 0; i < n; i++) {
                var o = tx.newRecord(JOB_OFFER);
                o.setRomeCode(pick(r, romes));
                o.setCommuneCode(pick(r, communes));
                LocalDate opened = r.nextInt(20) == 0 ? null : START.plusDays(r.nextInt(700));
                o.setOpenedOn(opened);
                if (opened != null && r.nextBoolean()) {
                  o.setClosedOn(opened.plusDays(r.nextInt(150)));
                }
                o.setSource(pick(r, sources));
                o.setHardToFillOverride(pick(r, marks));
                o.setOfficeId(pick(r, offices));
                o.setTitle("Offre " + i);
                s.writer().insert(tx, o);
                if (r.nextInt(10) == 0) {
                  s.writer().delete(tx, JOB_OFFER, o.getId());
                }
              }
            });
  }

  private void people(Random r, int n) {
    List<String> statuses = Arrays.asList("ACTIVE", "ACTIVE", "INACTIVE", "EMPLOYED", null);
    List<String> criteria = List.of("RQTH", "DELD", "RSA", "QPV");
    List<UUID> offices = Arrays.asList(officeA, officeA, officeB, null);
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (int i = 0; i < n; i++) {
                var c = tx.newRecord(CANDIDATE);
                c.setStatus(pick(r, statuses));
                c.setOfficeId(pick(r, offices));
                c.setLastName("Nom" + i);
                s.writer().insert(tx, c);
                candidates.add(c.getId());
                for (int k = r.nextInt(4); k > 0; k--) {
                  criterion(tx, c.getId(), pick(r, criteria), r.nextInt(6) == 0);
                }
                if (r.nextInt(10) == 0) {
                  s.writer().delete(tx, CANDIDATE, c.getId());
                }
              }
              criterion(tx, UNKNOWN, "RQTH", false);
            });
  }

  private UUID criterion(DSLContext tx, UUID candidate, String name, boolean deleted) {
    var k = tx.newRecord(CANDIDATE_CRITERION);
    k.setCandidateId(candidate);
    k.setCriterion(name);
    s.writer().insert(tx, k);
    if (deleted) {
      s.writer().delete(tx, CANDIDATE_CRITERION, k.getId());
    }
    return k.getId();
  }

  /** The offers' hard-to-fill rules with the current facts. */
  private HardToFillAges ages() {
    return s.offersModule().hardToFill().rules()::flaggedFromAge;
  }

  private void assertOffersAsInSql(Period asked, UUID office) {
    Indicators i = s.stats().indicators(asked, office);
    Period p = i.period();
    Period prev = i.previous();
    String at = p + " office " + office;
    for (String[] f :
        new String[][] {
          {"offers.franceTravail", "FRANCE_TRAVAIL"}, {"offers.tempAgency", "TEMP_AGENCY"}
        }) {
      assertThat(i.figures().get(f[0]))
          .as(f[0] + " " + at)
          .isEqualTo(
              new Figure(
                  sql.opened(p.from(), p.to(), office, f[1]),
                  sql.opened(prev.from(), prev.to(), office, f[1])));
    }
    assertThat(i.figures().get("offers.hardToFill"))
        .as("hard to fill " + at)
        .isEqualTo(
            new Figure(
                sql.hardToFillOn(p.to(), office, ages()),
                sql.hardToFillOn(prev.to(), office, ages())));
    assertThat(i.offersByMonth()).hasSize(StatsService.TREND_MONTHS);
    for (MonthPoint m : i.offersByMonth()) {
      YearMonth ym = m.month();
      LocalDate a = ym.atDay(1);
      LocalDate b = ym.atEndOfMonth();
      assertThat(m)
          .as("trend " + ym + " " + at)
          .isEqualTo(
              new MonthPoint(
                  ym,
                  sql.opened(a, b, office, "FRANCE_TRAVAIL"),
                  sql.opened(a, b, office, "TEMP_AGENCY"),
                  sql.hardToFillOn(b, office, ages())));
    }
    assertThat(i.offersByMonth().get(StatsService.TREND_MONTHS - 1).month())
        .isEqualTo(YearMonth.from(p.to()));
  }

  private void assertPoolAsInSql(UUID office) {
    Indicators i = s.stats().indicators(StatsServiceTest.JAN, office);
    long[] expected = sql.pool(office);
    assertThat(
            new long[] {i.value("pool.candidates"), i.value("pool.priority"), i.value("pool.rqth")})
        .as("pool of office " + office)
        .containsExactly(expected);
  }

  @Test
  void offerFiguresOfOnePassAreThoseOfTheSqlDefinitions() {
    // facts the hard-to-fill rules look up: candidates in reach (N1103 around Toulouse), the
    // office's tension mark (K2204), the BMO survey (F1603's family)
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures people = new OfferFixtures(s);
    for (int i = 0; i < 5; i++) {
      people.person("Cand" + i, "T").rome("N1103", 1).save();
    }
    s.offersModule().tension().set("K2204", true, null);
    for (long seed : new long[] {1, 2, 3}) {
      offers(new Random(seed), 150);
    }
    assertThat(sql.opened(START, START.plusDays(700), null, "TEMP_AGENCY"))
        .as("the data set has offers")
        .isGreaterThan(20);
    List<Period> periods =
        List.of(
            StatsServiceTest.JAN,
            new Period(LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 20)),
            new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
            new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)),
            new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
    for (Period p : periods) {
      for (UUID office : Arrays.asList(null, officeA, officeB, UNKNOWN)) {
        assertOffersAsInSql(p, office);
      }
    }
  }

  @Test
  void poolOfOnePassIsThatOfTheSqlDefinition() {
    for (long seed : new long[] {4, 5, 6}) {
      people(new Random(seed), 120);
    }
    assertThat(sql.pool(null)[2]).as("the data set has RQTH candidates").isGreaterThan(5);
    for (UUID office : Arrays.asList(null, officeA, officeB, UNKNOWN)) {
      assertPoolAsInSql(office);
    }
  }

  @Test
  void keptSnapshotsFollowWrites() {
    Random r = new Random(7);
    offers(r, 100);
    people(r, 100);
    Indicators before = s.stats().indicators(StatsServiceTest.JAN, officeA);
    // a new January offer of office A, then one closed: both figures move
    offers(new Random(8), 60);
    UUID someone = candidates.get(0);
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var c = cfg.dsl().newRecord(CANDIDATE);
              c.setOfficeId(officeA);
              c.setStatus("ACTIVE");
              c.setLastName("Nouveau");
              s.writer().insert(cfg.dsl(), c);
              criterion(cfg.dsl(), c.getId(), "RQTH", false);
              criterion(cfg.dsl(), someone, "DELD", false);
            });
    Indicators after = s.stats().indicators(StatsServiceTest.JAN, officeA);
    assertThat(after.value("pool.candidates")).isEqualTo(before.value("pool.candidates") + 1);
    assertThat(after.value("pool.rqth")).isGreaterThan(before.value("pool.rqth"));
    assertPoolAsInSql(officeA);
    assertPoolAsInSql(null);
    assertOffersAsInSql(StatsServiceTest.JAN, officeA);
    assertOffersAsInSql(StatsServiceTest.JAN, null);
    // a tombstone is seen too
    s.db().dsl().transaction(cfg -> s.writer().delete(cfg.dsl(), CANDIDATE, candidates.get(1)));
    assertPoolAsInSql(null);
    assertRowCountsAsInSql();
  }

  /** Lists of both offices, of none, deleted; entries around January 2026, repeated, deleted. */
  private void lists(Random r, int n) {
    List<UUID> offices = Arrays.asList(officeA, officeA, officeB, null);
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (int l = 0; l < n; l++) {
                var list = tx.newRecord(SOURCING_LIST);
                list.setOfficeId(pick(r, offices));
                list.setName("Liste " + l);
                s.writer().insert(tx, list);
                for (int e = r.nextInt(12); e > 0; e--) {
                  var entry = tx.newRecord(SOURCING_ENTRY);
                  entry.setListId(list.getId());
                  entry.setCandidateId(
                      r.nextInt(20) == 0 ? UNKNOWN : candidates.get(r.nextInt(candidates.size())));
                  entry.setAddedOn(LocalDate.of(2025, 11, 15).plusDays(r.nextInt(90)));
                  entry.setStatus("PROPOSED");
                  s.writer().insert(tx, entry);
                  if (r.nextInt(8) == 0) {
                    s.writer().delete(tx, SOURCING_ENTRY, entry.getId());
                  }
                }
                if (r.nextInt(8) == 0) {
                  s.writer().delete(tx, SOURCING_LIST, list.getId());
                }
              }
            });
  }

  @Test
  void listFiguresAreThoseOfTheSqlDefinition() {
    Random r = new Random(11);
    people(r, 150);
    lists(r, 40);
    List<Period> periods =
        List.of(
            StatsServiceTest.JAN,
            new Period(LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 20)),
            new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
    for (Period p : periods) {
      for (UUID office : Arrays.asList(null, officeA, officeB, UNKNOWN)) {
        Indicators i = s.stats().indicators(p, office);
        long[] now = sql.sourcing(i.period().from(), i.period().to(), office);
        long[] before = sql.sourcing(i.previous().from(), i.previous().to(), office);
        String[] keys = {"sourcing.candidates", "sourcing.priority", "sourcing.rqth"};
        for (int k = 0; k < 3; k++) {
          assertThat(i.figures().get(keys[k]))
              .as(keys[k] + " " + p + " office " + office)
              .isEqualTo(new Figure(now[k], before[k]));
        }
      }
    }
    assertThat(sql.sourcing(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), null)[2])
        .as("the data set has RQTH candidates in lists")
        .isGreaterThan(3);
  }

  private String plan(String sql) {
    return String.valueOf(s.db().dsl().fetchValue("EXPLAIN " + sql));
  }

  @Test
  void thePassesReadTheNarrowIndexesAndTheOtherFeaturesScansStayTableScans() {
    offers(new Random(12), 80);
    people(new Random(13), 80);
    assertThat(plan(OfferSnapshot.SQL)).contains("JOB_OFFER_DASHBOARD");
    assertThat(plan(PoolCounts.CANDIDATES)).contains("CANDIDATE_DASHBOARD");
    assertThat(plan(PoolCounts.CRITERIA)).contains("CANDIDATE_CRITERION_DASHBOARD");
    // the offers' candidate pool (also read for the dashboard's hard-to-fill figure, ADR 0174)
    // reads its covering index (V66), never one led by DELETED with a row lookup per entry
    assertThat(
            plan(
                "SELECT ID, COMMUNE_CODE, MOBILITY_KM, AVAILABLE_FROM, STATUS"
                    + " FROM CANDIDATE WHERE DELETED = FALSE"))
        .contains("CANDIDATE_POOL");
    // a scan of the candidates' wide rows stays a table scan
    assertThat(plan("SELECT * FROM CANDIDATE WHERE DELETED = FALSE")).contains("tableScan");
  }

  @Test
  void liveRowCountsOfTheTablesThePassesReadAreThoseOfSql() {
    offers(new Random(9), 80);
    people(new Random(10), 80);
    assertRowCountsAsInSql();
  }

  /** rowCounts takes the offers, candidates and criteria from the passes: as COUNT(*) would. */
  private void assertRowCountsAsInSql() {
    var counts = s.stats().rowCounts();
    DSLContext dsl = s.db().dsl();
    assertThat(counts.get("job_offer"))
        .isEqualTo(dsl.fetchCount(JOB_OFFER, JOB_OFFER.DELETED.isFalse()));
    assertThat(counts.get("candidate"))
        .isEqualTo(dsl.fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse()));
    assertThat(counts.get("candidate_criterion"))
        .isEqualTo(dsl.fetchCount(CANDIDATE_CRITERION, CANDIDATE_CRITERION.DELETED.isFalse()))
        .isLessThan(dsl.fetchCount(CANDIDATE_CRITERION));
  }
}
