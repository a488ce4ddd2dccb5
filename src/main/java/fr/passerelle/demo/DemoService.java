package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.ReplicaRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Deterministic, realistic demo data (one France Travail agency, two temp-work agencies in
 * Occitanie): candidates with criteria, consents and target occupations, employers, offers,
 * meetings, sourcing lists and training paths. The same seed and the same "demo today" give the
 * same data (see docs/demo-data.md). Rows are committed in blocks (a single transaction of millions
 * of rows makes H2 slower and its file twice as large); a failure or a cancellation removes what
 * was written.
 */
public final class DemoService {
  /** The most candidates one run generates. */
  public static final int MAX_CANDIDATES = 2_000_000;

  /**
   * What to generate. {@code offers} defaults to half the candidates; {@code today} is the date the
   * data is laid out around (meetings past and future, offers opened in the last year...).
   */
  public record Options(int candidates, long seed, int offers, LocalDate today) {
    public static final int DEFAULT_CANDIDATES = 2000;
    public static final long DEFAULT_SEED = 42L;

    /** Half as many offers as candidates, laid out around {@code today}. */
    public Options(int candidates, long seed, LocalDate today) {
      this(candidates, seed, Math.max(1, candidates / 2), today);
    }
  }

  /** What was generated: live rows per table. */
  public record Report(java.util.Map<String, Integer> rows, long millis) {}

  private final Services services;

  public DemoService(Services services) {
    this.services = services;
  }

  /**
   * Generates the demo data into this installation (which must have no candidates yet). On failure
   * or cancellation, every row written so far is removed again: the installation is left as it was
   * (only this replica's counters have moved on).
   */
  public Report generate(Options options, Progress progress) {
    services.access().require(fr.passerelle.security.Permission.SETTINGS_MANAGE);
    validate(options);
    long t0 = System.nanoTime();
    try (Connection c = services.db().dataSource().getConnection()) {
      c.setAutoCommit(false);
      DSLContext tx = services.db().dsl(c);
      ReplicaRecord before = ReplicatedWriter.currentReplica(tx);
      try {
        Map<String, Integer> rows = generate(tx, c, options, progress);
        c.commit();
        // the search index follows the database (ADR 0100): brought up to date once, at the end
        services
            .search()
            .catchUp(
                new Progress() {
                  @Override
                  public void update(long done, long total, String message) {
                    progress.update(done, total, "Search index");
                  }

                  @Override
                  public boolean isCancelled() {
                    return progress.isCancelled();
                  }
                });
        return new Report(rows, (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException | Error e) {
        undo(c, tx, before);
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Demo data: " + e.getMessage(), e);
    }
  }

  /** Removes the rows this run wrote (their change_seq is above the one before the run). */
  private static void undo(Connection c, DSLContext tx, ReplicaRecord before) throws SQLException {
    c.rollback();
    for (Table<?> t : ReplicatedTables.ALL) {
      boolean h2 = tx.dialect() == org.jooq.SQLDialect.H2;
      // H2 deletes in slices (its undo log); PostgreSQL has no DELETE ... FETCH and needs none
      String sql =
          "DELETE FROM "
              + tx.render(DSL.name(t.getName()))
              + " WHERE CHANGE_SEQ > ?"
              + (h2 ? " FETCH FIRST " + RowSink.COMMIT_EVERY + " ROWS ONLY" : "");
      int n;
      do {
        n = tx.execute(sql, before.getChangeSeq());
        c.commit();
      } while (n > 0);
    }
    tx.update(REPLICA)
        .set(REPLICA.OFFICE_ID, before.getOfficeId())
        .where(REPLICA.ID.eq(before.getId()))
        .execute();
    c.commit();
  }

  private static void validate(Options o) {
    if (o.candidates() < 1) {
      throw new InvalidInputException(
          "--candidates must be at least 1 (got " + o.candidates() + ").");
    }
    if (o.candidates() > MAX_CANDIDATES) {
      throw new InvalidInputException(
          "--candidates must be at most " + MAX_CANDIDATES + " (got " + o.candidates() + ").");
    }
    if (o.offers() < 1) {
      throw new InvalidInputException("--offers must be at least 1 (got " + o.offers() + ").");
    }
    if (o.today() == null) {
      throw new InvalidInputException("--today is required.");
    }
  }

  private Map<String, Integer> generate(
      DSLContext tx, Connection connection, Options options, Progress progress) {
    int existing = tx.fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse());
    if (existing > 0) {
      throw new InvalidInputException(
          "This installation already has "
              + existing
              + " candidates: demo data only goes into an installation without candidates"
              + " (use another --data-dir).");
    }
    progress.update(0, -1, "Loading reference data");
    Seeds seeds = new Seeds(options.seed());
    DemoReference ref = DemoReference.load(tx);
    try (RowSink sink = new RowSink(tx, connection, services.writer(), progress)) {
      List<DemoWorld.DemoOffice> offices =
          DemoOffices.create(tx, seeds, ref, sink, options.candidates());
      DemoWorld world =
          new DemoWorld(
              seeds, ref, options.today(), offices, options.candidates(), options.offers());
      Ticker tick = new Ticker(progress, world.totalWork());
      CandidateFactory candidates = new CandidateFactory(world);
      OfferFactory offers = new OfferFactory(world);
      CandidateStage candidateStage = new CandidateStage(world, candidates);
      tick.stage("Candidates");
      candidateStage.run(sink, tick);
      tick.stage("Employers and offers");
      new OfferStage(world, offers).run(sink, tick);
      tick.stage("Meetings");
      new MeetingStage(world, offers).run(sink, tick);
      tick.stage("Sourcing lists");
      new SourcingStage(world, offers, candidates, candidateStage).run(sink, tick);
      tick.stage("Training paths");
      new TrainingStage(world, candidates, offers).run(sink, tick);
      sink.flush();
      progress.update(world.totalWork(), world.totalWork(), "Committing");
      return new LinkedHashMap<>(sink.counts());
    }
  }

  /** Counts units of work and reports progress every 1,000 units. */
  private static final class Ticker implements Runnable {
    private final Progress progress;
    private final long total;
    private long done;
    private String stage = "";

    Ticker(Progress progress, long total) {
      this.progress = progress;
      this.total = total;
    }

    void stage(String name) {
      stage = name;
      progress.update(done, total, stage);
    }

    @Override
    public void run() {
      done++;
      if (done % 1000 == 0) {
        progress.update(done, total, stage);
      }
    }
  }
}
