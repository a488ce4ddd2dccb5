package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void migratesAnEmptyDatabaseWithReferenceDataAndOneReplica() {
    try (Database db = Database.open(dir)) {
      assertThat(db.file()).exists();
      assertThat(db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.OCCUPATION)).isEqualTo(1584);
      assertThat(db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE))
          .isEqualTo(13120);
      assertThat(db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.COMMUNE)).isEqualTo(4446);
      assertThat(
              db.dsl()
                  .fetchCount(
                      fr.passerelle.db.jooq.Tables.COMMUNE,
                      fr.passerelle.db.jooq.Tables.COMMUNE.QPV.isTrue()))
          .isEqualTo(54);
      assertThat(db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.REPLICA)).isEqualTo(1);
    }
  }

  @Test
  void reopeningKeepsTheSameReplica() {
    java.util.UUID first;
    try (Database db = Database.open(dir)) {
      first = ReplicatedWriter.currentReplica(db.dsl()).getId();
    }
    try (Database db = Database.open(dir)) {
      assertThat(ReplicatedWriter.currentReplica(db.dsl()).getId()).isEqualTo(first);
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedClearly() throws IOException {
    Files.writeString(dir.resolve("passerelle.mv.db"), "this is not H2", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Database.open(dir))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("not a Passerelle database");
  }

  @Test
  void anH2DatabaseOfAnotherApplicationIsRefused() throws Exception {
    try (var c =
        java.sql.DriverManager.getConnection(
            "jdbc:h2:file:" + dir.resolve("passerelle").toAbsolutePath(), "sa", "")) {
      c.createStatement().execute("CREATE TABLE invoices(id INT)");
    }
    assertThatThrownBy(() -> Database.open(dir))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("not a Passerelle database");
  }

  @Test
  void aDatabaseFromANewerPasserelleIsRefused() {
    try (Database db = Database.open(dir)) {
      db.dsl()
          .execute(
              "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                  + " \"execution_time\", \"success\") VALUES (99, '999', 'future', 'SQL',"
                  + " 'V999__future.sql', 0, 'sa', 0, TRUE)");
    }
    assertThatThrownBy(() -> Database.open(dir))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("newer Passerelle");
  }

  @Test
  void aReadOnlyDataFolderIsRefusedClearly() throws IOException {
    Path ro = dir.resolve("ro");
    Files.createDirectories(ro);
    ro.toFile().setWritable(false, false);
    try {
      if (Files.isWritable(ro)) {
        return; // running as a user that can write anywhere (root): nothing to check
      }
      assertThatThrownBy(() -> Database.open(ro))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("not writable");
    } finally {
      ro.toFile().setWritable(true, false);
    }
  }

  @Test
  void aSecondProcessOnTheSameDataFolderGetsAClearMessage() throws Exception {
    try (Database db = Database.open(dir)) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "--data-dir",
                  dir.toString(),
                  "stats")
              .redirectErrorStream(false)
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).isEqualTo(2);
      List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).contains("already open");
    }
  }

  /** What the window says when the database cannot be opened: in French, the folder named. */
  @Test
  void theOpeningFaultsAreSaidInFrenchInTheWindow() {
    fr.passerelle.ui.Messages french =
        new fr.passerelle.ui.Messages(fr.passerelle.ui.Messages.FRENCH);
    assertThat(
            french.describe(
                H2Connections.translate(
                    dir,
                    new java.sql.SQLException(
                        "Database may be already in use",
                        "90020",
                        org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1))))
        .isEqualTo(
            "Passerelle est déjà ouvert sur le dossier de données "
                + dir
                + " (dans une autre fenêtre, ou par une autre personne sur ce poste ?). Fermez-le"
                + " d’abord.");
    assertThat(
            french.describe(
                H2Connections.translate(
                    dir,
                    new java.sql.SQLException(
                        "File corrupted", "90030", org.h2.api.ErrorCode.FILE_CORRUPTED_1))))
        .startsWith("Le fichier ")
        .endsWith(" n’est pas une base de données Passerelle.");
    java.nio.file.Path blocked = dir.resolve("a-file");
    assertThatThrownBy(
            () -> {
              java.nio.file.Files.writeString(blocked, "x");
              DataFolder.prepare(blocked.resolve("data"));
            })
        .satisfies(
            e ->
                assertThat(french.describe(e))
                    .startsWith("Impossible de créer le dossier de données ")
                    .doesNotContain("Cannot"));
  }
}
