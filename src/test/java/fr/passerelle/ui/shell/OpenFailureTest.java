package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.WayBack;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.IntegrityCheck;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's answer to a data folder it cannot open, walked without a window. */
class OpenFailureTest {
  @TempDir Path dataDir;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final List<String> window = new ArrayList<>();
  private final List<Boolean> repairs = new ArrayList<>();

  private OpenFailure failure() {
    return new OpenFailure(
        dataDir,
        dataDir.resolve("passerelle.log"),
        new Messages(Messages.FRENCH),
        dialogs,
        new SameThreadTaskRunner(),
        (rebuild, p) -> {
          repairs.add(rebuild);
          return new SessionGate.Repaired(new WayBack.Outcome(2, 0, UUID.randomUUID(), null), null);
        },
        new OpenFailure.Window() {
          @Override
          public void splash(String doing) {
            window.add("splash: " + doing);
          }

          @Override
          public void reopened(SessionGate.Opened opened) {
            window.add("reopened");
          }

          @Override
          public void signIn() {
            window.add("sign-in");
          }

          @Override
          public void notice(String text) {
            window.add("notice: " + text);
          }

          @Override
          public void quit() {
            window.add("quit");
          }
        });
  }

  private DatabaseDamagedException damaged() {
    return DatabaseDamagedException.of(
        dataDir,
        new IntegrityCheck.Result(
            List.of(new IntegrityCheck.Problem("CANDIDATE", "PRIMARY_KEY", "row 12 unreadable")),
            List.of("CANDIDATE"),
            600,
            Duration.ofMillis(5)));
  }

  @Test
  void aFaultWithItsTextIsSaidInFrench() {
    failure()
        .failed(
            new UserFacingException(2, "The data folder /x/data is not writable.")
                .keyed("db.folder.notWritable", "/x/data"));

    assertThat(dialogs.asked().get(0).text())
        .startsWith("Passerelle ne peut pas écrire dans le dossier de données /x/data")
        .doesNotContain("not writable");
  }

  @Test
  void aFolderThatCannotBeUsedIsSaidWithTheLogAndClosingQuits() {
    failure().failed(new UserFacingException(2, "Cannot create the data folder /x/data"));

    assertThat(dialogs.kinds()).containsExactly("error:open-error");
    assertThat(dialogs.asked().get(0).text())
        .contains("Cannot create the data folder /x/data", "passerelle.log");
    assertThat(window).containsExactly("quit");
    assertThat(repairs).isEmpty();
  }

  @Test
  void aDamagedDatabaseOffersTheRebuildRunsItAndSaysWhatItDid() {
    dialogs.answer(true);

    failure().failed(damaged());

    assertThat(dialogs.kinds()).containsExactly("choose:damaged-dialog");
    // no automatic backup in this folder: only the rebuild, and quitting as the safe answer
    assertThat(dialogs.asked().get(0).answers()).hasSize(2);
    assertThat(repairs).containsExactly(true);
    assertThat(window).hasSize(3);
    assertThat(window.get(0)).startsWith("splash: ");
    assertThat(window.get(1)).isEqualTo("sign-in");
    assertThat(window.get(2)).startsWith("notice: ").contains("2");
  }

  @Test
  void quittingTheWayBackQuestionRepairsNothing() {
    failure().failed(damaged());

    assertThat(dialogs.kinds()).containsExactly("choose:damaged-dialog");
    assertThat(repairs).isEmpty();
    assertThat(window).containsExactly("quit");
  }
}
