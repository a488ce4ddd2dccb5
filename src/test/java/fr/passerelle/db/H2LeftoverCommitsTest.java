package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit cut by a kill (ADR 0137). The fixture is a plain H2 2.5.252 file, made by {@code UPDATE
 * T SET V = 'new'} on 5,000 rows in one transaction, the process killed with SIGKILL while it
 * committed (the 3rd of 60 kills a few milliseconds into the commit): its undo log says
 * "committed", so the update is durable and must be there after the next open.
 */
class H2LeftoverCommitsTest {
  private static final int ROWS = 5_000;

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void copyTheKilledFile() throws IOException {
    try (InputStream in =
        new GZIPInputStream(getClass().getResourceAsStream("h2-commit-cut-by-a-kill.mv.db.gz"))) {
      Files.copy(in, dir.resolve("killed.mv.db"));
    }
    url = "jdbc:h2:file:" + dir.resolve("killed").toAbsolutePath();
  }

  /**
   * What H2 2.5.252 alone does with it: the committed insert stays open and only 552 of its 5,000
   * rows are seen (an update cut the same way shows some rows new and the others old), and a write
   * to one of the others would spin for ever. If this fails after an upgrade of H2, H2 finishes
   * such commits itself again and {@link H2LeftoverCommits} can go.
   */
  @Test
  void h2AloneLeavesTheCommitUnfinished() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertThat(leftoverCommits(c)).isEqualTo(1);
      assertThat(rows(c, "old")).isEqualTo(552);
    }
  }

  @Test
  void theCutCommitIsFinishedAtOpenAndStaysFinished() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertThat(H2LeftoverCommits.finish(c)).isEqualTo(1);
      assertThat(leftoverCommits(c)).isZero();
      assertThat(rows(c, "old")).isEqualTo(ROWS);
      try (Statement s = c.createStatement()) {
        // before the fix, a write to a row still marked never returned (one core at 100 %)
        assertThat(s.executeUpdate("UPDATE T SET V = 'later' WHERE ID = 4000")).isEqualTo(1);
      }
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertThat(H2LeftoverCommits.finish(c)).isZero();
      assertThat(rows(c, "old")).isEqualTo(ROWS - 1);
      assertThat(rows(c, "later")).isEqualTo(1);
    }
  }

  private static int leftoverCommits(Connection c) throws SQLException {
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    return (int)
        session.getDatabase().getStore().getTransactionStore().getOpenTransactions().stream()
            .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED)
            .count();
  }

  private static long rows(Connection c, String v) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T WHERE V = '" + v + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
