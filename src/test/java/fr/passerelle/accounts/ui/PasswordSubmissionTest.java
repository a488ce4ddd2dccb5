package fr.passerelle.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password screens' common part: secrets wiped whatever happens, the refusal said. */
class PasswordSubmissionTest {
  private final PasswordSubmission submission =
      new PasswordSubmission(new SameThreadTaskRunner(), new Messages(Messages.FRENCH));

  @Test
  void theCheckSeesTheSecretsWhichAreWipedAfterwards() {
    List<char[]> seen = new ArrayList<>();
    List<String> done = new ArrayList<>();
    submission.send(
        "signIn.task",
        new String[] {"ancien", "nouveau"},
        pw -> {
          seen.add(pw[0]);
          seen.add(pw[1]);
          return new String(pw[0]) + "/" + new String(pw[1]);
        },
        done::add);

    assertThat(done).containsExactly("ancien/nouveau");
    assertThat(seen).allSatisfy(c -> assertThat(new String(c)).matches("\0+"));
    assertThat(submission.isBusy()).isFalse();
    assertThat(submission.error().get()).isEmpty();
  }

  @Test
  void aRefusalIsSaidAndTheSecretsAreWipedToo() {
    List<char[]> seen = new ArrayList<>();
    List<Throwable> refused = new ArrayList<>();
    submission.send(
        "signIn.task",
        new String[] {"secret"},
        pw -> {
          seen.add(pw[0]);
          throw new UserFacingException(1, "Mot de passe incorrect.");
        },
        ok -> {
          throw new AssertionError("not accepted");
        },
        refused::add);

    assertThat(refused).hasSize(1);
    assertThat(submission.error().get()).contains("Mot de passe incorrect");
    assertThat(new String(seen.get(0))).matches("\0+");
    assertThat(submission.isBusy()).isFalse();
  }
}
