package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open without Flyway when every shipped migration is applied, and only then (ADR 0188). */
class ShippedMigrationsTest {
  private static final List<JavaMigration> JAVA =
      List.of(new ReferenceDataMigration(), new AuditLegacyMigration());

  @TempDir Path dir;

  @Test
  void theShippedVersionsAreThoseFlywayFinds() {
    // a new kind of migration Flyway reads and this class does not would make it answer wrongly
    Set<String> flyway =
        Arrays.stream(
                Flyway.configure()
                    .locations("classpath:" + ShippedMigrations.LOCATION)
                    .javaMigrations(JAVA.toArray(JavaMigration[]::new))
                    .dataSource("jdbc:h2:mem:shipped", "sa", "")
                    .load()
                    .info()
                    .all())
            .map(i -> i.getVersion().getVersion())
            .collect(Collectors.toSet());
    Set<String> shipped = ShippedMigrations.versions(getClass().getClassLoader(), JAVA).get();
    assertThat(shipped).isEqualTo(flyway).contains("1", "1.1", "45.1", "70");
  }

  @Test
  void theVersionsAreReadFromAJarAsTheInstalledApplicationHasThem() throws Exception {
    Path jar = dir.resolve("app.jar");
    try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      for (String name :
          List.of("V1__schema.sql", "V2_5__more.sql", "V10__later.sql", "notes/V3__other.sql")) {
        out.putNextEntry(new java.util.jar.JarEntry(ShippedMigrations.LOCATION + "/" + name));
        out.write("SELECT 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      assertThat(ShippedMigrations.versions(loader, JAVA))
          .contains(Set.of("1", "2.5", "10", "1.1", "45.1"));
    }
  }

  @Test
  void aMigratedDatabaseIsSeenUpToDateAndOpensAgain() {
    try (Database db = Database.open(dir)) {
      assertThat(ShippedMigrations.allApplied(db.dataSource(), JAVA)).isTrue();
    }
    try (Database db = Database.open(dir)) { // the open without Flyway
      assertThat(db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.REPLICA)).isEqualTo(1);
    }
  }

  @Test
  void aVersionMissingFailedOrNotShippedSendsTheOpenToFlyway() {
    try (Database db = Database.open(dir)) {
      var ds = db.dataSource();
      db.dsl()
          .execute(
              "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '70'");
      assertThat(ShippedMigrations.allApplied(ds, JAVA)).as("a failed migration").isFalse();
      db.dsl().execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '70'");
      assertThat(ShippedMigrations.allApplied(ds, JAVA)).as("one not applied").isFalse();
      db.dsl()
          .execute(
              "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                  + " \"execution_time\", \"success\") VALUES (99, '70', 'x', 'SQL',"
                  + " 'V70__x.sql', 0, 'sa', 0, TRUE)");
      assertThat(ShippedMigrations.allApplied(ds, JAVA)).as("restored").isTrue();
      db.dsl()
          .execute(
              "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                  + " \"execution_time\", \"success\") VALUES (100, '999', 'future', 'SQL',"
                  + " 'V999__future.sql', 0, 'sa', 0, TRUE)");
      assertThat(ShippedMigrations.allApplied(ds, JAVA)).as("from a newer build").isFalse();
    }
  }

  @Test
  void aDatabaseWithoutHistoryIsNotUpToDateAndLeavesNoTraceFile() throws Exception {
    var ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("nohistory").toAbsolutePath());
    try (var keep = ds.getConnection()) {
      assertThat(ShippedMigrations.allApplied(ds, JAVA)).isFalse();
    }
    // a failed query is written to H2's trace file, which reads as a damaged database
    assertThat(dir.resolve("nohistory.trace.db")).doesNotExist();
  }
}
