package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.db.DataDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A double-clicked sync file (the .msi's association) opens the window on it. */
class SyncFileArgumentTest {
  private final List<Path[]> launched = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PasserelleCommand.run(
        args,
        Map.of(DataDirs.ENV, "/tmp/Hélène Dupont/données"),
        (dir, file) -> launched.add(new Path[] {dir, file}),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
  }

  @Test
  void aSyncFileAloneOpensTheWindowOnTheUsersDataFolderAndImportsIt() {
    assertThat(run("/tmp/Hélène Dupont/Téléchargements/Agence-Albi_to_France-Travail.PASSERELLE"))
        .isZero();
    assertThat(launched).hasSize(1);
    assertThat(launched.get(0)[0]).isEqualTo(Path.of("/tmp/Hélène Dupont/données"));
    assertThat(launched.get(0)[1])
        .isEqualTo(
            Path.of("/tmp/Hélène Dupont/Téléchargements/Agence-Albi_to_France-Travail.PASSERELLE"));
  }

  @Test
  void noArgumentOpensTheWindowAloneAndAnUnknownWordIsStillAUsageError() {
    assertThat(run()).isZero();
    assertThat(launched).singleElement().satisfies(l -> assertThat(l[1]).isNull());
    assertThat(run("rooster")).isEqualTo(1);
    assertThat(err.toString()).contains("rooster");
    assertThat(launched).hasSize(1);
  }
}
