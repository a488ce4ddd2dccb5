package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installation upgraded from before accounts keeps its audit log, chained and verifiable. */
class AuditLegacyMigrationTest {
  @TempDir Path dir;

  @Test
  void theFormerAuditLogIsChainedInOrderThenDropped() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve(Database.FILE_NAME).toAbsolutePath();
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .javaMigrations(new ReferenceDataMigration())
        .target("12")
        .load()
        .migrate();
    UUID person = UUID.randomUUID();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        var st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO replica (id, is_current, created_at) VALUES ('"
              + UUID.randomUUID()
              + "', TRUE, CURRENT_TIMESTAMP)");
      st.executeUpdate(
          "INSERT INTO audit_log (at, actor, action, table_name, row_id, details) VALUES"
              + " (TIMESTAMP WITH TIME ZONE '2025-05-02 10:00:00+02', 'cmartin', 'CONSENT',"
              + " 'candidate_consent', '"
              + person
              + "', 'share=true sensitive=false'),"
              + " (TIMESTAMP WITH TIME ZONE '2025-05-03 11:00:00+02', 'cmartin', 'MERGE',"
              + " 'candidate', '"
              + person
              + "', 'merged x into y')");
    }
    try (Services s = TestServices.open(dir)) {
      var legacy =
          s.db()
              .dsl()
              .selectFrom(AUDIT_ENTRY)
              .where(AUDIT_ENTRY.ACTOR.eq("cmartin"))
              .orderBy(AUDIT_ENTRY.ORIGIN_SEQ)
              .fetch();
      assertThat(legacy)
          .extracting(r -> r.getAction())
          .containsExactly("CONSENT_CHANGED", "CANDIDATES_MERGED");
      assertThat(legacy.get(0).getOriginSeq()).isEqualTo(1);
      assertThat(legacy.get(0).getPersonId()).isEqualTo(person);
      assertThat(legacy.get(1).getDetails()).isEqualTo("merged x into y");
      assertThat(s.audit().verify().intact()).isTrue();
      assertThat(
              s.db()
                  .dsl()
                  .fetchExists(
                      org.jooq
                          .impl
                          .DSL
                          .select()
                          .from("INFORMATION_SCHEMA.TABLES")
                          .where("TABLE_NAME = 'AUDIT_LOG'")))
          .isFalse();
    }
  }
}
