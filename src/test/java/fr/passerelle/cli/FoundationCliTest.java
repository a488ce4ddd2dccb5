package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationCliTest {
  @TempDir Path dir;

  @Test
  void versionAndHelpAnswer() {
    Result v = Cli.run(dir, "--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("Passerelle ");
    Result h = Cli.run(dir, "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("init", "occupations", "stats", "backup", "restore");
  }

  @Test
  void initSetsUpTheOfficeWithTheDefaultOrganisation() {
    Result r =
        Cli.run(
            dir,
            "init",
            "--office-name",
            "Agence Toulouse Matabiau",
            "--office-kind",
            "FRANCE_TRAVAIL");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("organisation \"France Travail\"");
    Result again = Cli.run(dir, "init", "--office-name", "Autre", "--office-kind", "PARTNER");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already set up");
  }

  @Test
  void initWithAnUnknownKindIsAUsageErrorThatChangesNothing() {
    Result r = Cli.run(dir, "init", "--office-name", "X", "--office-kind", "BAKERY");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "Unknown office kind \"BAKERY\": expected one of FRANCE_TRAVAIL, TEMP_AGENCY, PARTNER.");
    assertThat(Cli.run(dir, "stats", "--json").out()).contains("\"office\" : 0");
  }

  @Test
  void unknownCommandIsExitOne() {
    assertThat(Cli.run(dir, "frobnicate").code()).isEqualTo(1);
  }

  @Test
  void occupationsSearchPrintsCodes() {
    Result r = Cli.run(dir, "occupations", "search", "prepa", "comm");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("N1103");
    Result json = Cli.run(dir, "occupations", "search", "macon", "--json");
    assertThat(json.out()).contains("\"romeCode\" : \"F1703\"");
  }

  @Test
  void backupAndRestoreRoundTripWithANewReplicaId() throws Exception {
    Cli.run(dir, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Path backup = dir.resolveSibling(dir.getFileName() + "-backup.zip");
    Result b = Cli.run(dir, "backup", "--out", backup.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(backup).exists();

    Path other = Files.createTempDirectory("passerelle-restore");
    Result r = Cli.run(other, "restore", backup.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("new replica id");
    assertThat(Cli.run(other, "stats", "--json").out()).contains("\"office\" : 1");
  }

  /** Issue 22: another office's backup is refused, naming both; --move-installation moves it. */
  @Test
  void anotherOfficesBackupIsRefusedUnlessMovingTheInstallation() throws Exception {
    Cli.run(dir, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Path other = Files.createTempDirectory("passerelle-other-office");
    Cli.run(other, "init", "--office-name", "Interim Nord Lille", "--office-kind", "TEMP_AGENCY");
    Path backup = other.resolveSibling(other.getFileName() + "-backup.zip");
    assertThat(Cli.run(other, "backup", "--out", backup.toString()).code()).isZero();

    Result refused = Cli.run(dir, "restore", backup.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains("\"Interim Nord Lille\" (Interim Nord Lille)")
        .contains("\"Agence Albi\" (France Travail)")
        .contains("--move-installation");
    assertThat(Cli.run(dir, "stats", "--json").out()).contains("\"office\" : 1");

    Result moved = Cli.run(dir, "restore", backup.toString(), "--move-installation");
    assertThat(moved.code()).as(moved.err()).isZero();
    assertThat(moved.out()).contains("office \"Interim Nord Lille\"", "new replica id");
  }

  @Test
  void restoreOfAFileThatIsNotABackupIsRefusedAndChangesNothing() throws Exception {
    Cli.run(dir, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Path junk = Files.writeString(dir.resolveSibling("junk.zip"), "not a zip");
    Result r = Cli.run(dir, "restore", junk.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a Passerelle backup");
    assertThat(Cli.run(dir, "stats", "--json").out()).contains("\"office\" : 1");
  }
}
