package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features developed side by side take migration numbers from separate ranges (V20–V24 crash
 * safety, V25–V29 sync hardening, V30 office, V40 search, V45 accounts…) and land in any order: a
 * workstation upgraded from a build that already had V30 and V40 must still receive V20 and V25
 * (ADR 0135).
 */
class MigrationOrderTest {
  @TempDir Path dir;

  @Test
  void aDatabaseThatMissesAnOlderNumberedMigrationGetsIt() throws Exception {
    try (Database db = Database.open(dir)) {
      assertThat(db.dsl().fetchCount(db.dsl().selectOne())).isOne();
    }
    // the shape a build without V20 and V25 left: their tables and history rows absent
    try (Connection c = DriverManager.getConnection(H2Connections.url(dir), "sa", "");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE sync_import");
      s.execute("DROP TABLE sync_quarantine");
      s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('20', '25')");
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.dsl().fetchCount(db.dsl().select().from("sync_import"))).isZero();
      assertThat(db.dsl().fetchCount(db.dsl().select().from("sync_quarantine"))).isZero();
    }
  }
}
