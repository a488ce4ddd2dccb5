package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.meetings.MeetingDocumentsTest;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counselor whose profile folder has a space and accents (C:\Users\Hélène Dupont\… on Windows,
 * here /tmp/…/Hélène Dupont/…): the data folders, the sign-in sheet, the identity cards and the
 * sync file all live under such names, from set-up to a sync round trip.
 */
class AccentedPathCliTest {
  @TempDir Path tmp;

  private static Result ok(Path dir, String... args) {
    Result r = Cli.run(dir, args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  /** Exports for every peer into a new folder {@code dir}; the one sync file written there. */
  private static String export(Path data, Path dir) throws Exception {
    Files.createDirectories(dir);
    ok(data, "sync", "export", "--all", "--out", dir.toString());
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".passerelle"))
          .findFirst()
          .orElseThrow()
          .toString();
    }
  }

  @Test
  void initDemoRosterAndSyncUnderAFolderWithSpacesAndAccents() throws Exception {
    Path home = tmp.resolve("Hélène Dupont");
    Path toulouse = home.resolve("AppData/Local/Passerelle données");
    Path albi = home.resolve("Agence d'Albi — été");
    Path documents = home.resolve("Mes documents");
    Path usb = home.resolve("Clé USB (E:)");
    Files.createDirectories(usb);

    ok(toulouse, "demo", "--candidates", "40", "--seed", "7");
    ok(albi, "init", "--office-name", "Agence d'Albi", "--office-kind", "FRANCE_TRAVAIL");
    assertThat(toulouse.resolve("passerelle.mv.db")).exists();
    assertThat(albi.resolve("passerelle.mv.db")).exists();

    Matcher id =
        Pattern.compile("\"id\" : \"([0-9a-f-]{36})\"")
            .matcher(ok(toulouse, "meetings", "list", "--json").out());
    assertThat(id.find()).as("the demo has meetings").isTrue();
    Path roster = documents.resolve("feuille d'émargement — réunion.pdf");
    ok(toulouse, "roster", id.group(1), "--out", roster.toString());
    assertThat(String.join("\n", MeetingDocumentsTest.pagesOf(Files.readAllBytes(roster))))
        .contains("Feuille d'émargement");

    Path cardToulouse = documents.resolve("carte Toulouse.json");
    Path cardAlbi = documents.resolve("carte Albi — été.json");
    ok(toulouse, "sync", "identity", "--out", cardToulouse.toString());
    ok(albi, "sync", "identity", "--out", cardAlbi.toString());
    ok(toulouse, "sync", "trust", cardAlbi.toString(), "--yes");
    ok(albi, "sync", "trust", cardToulouse.toString(), "--yes");
    Result imported = ok(albi, "sync", "import", export(toulouse, usb.resolve("vers Albi")));
    assertThat(imported.out()).contains("Imported");
    ok(toulouse, "sync", "import", export(albi, usb.resolve("retour à Toulouse")));
    assertThat(ok(toulouse, "sync", "digest").out().lines().findFirst())
        .isEqualTo(ok(albi, "sync", "digest").out().lines().findFirst());
  }
}
