package fr.passerelle.accounts.ui;

import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The locked window: the signed-in account types its password again to see its work; a refusal
 * (wrong password, lock) is said; an account disabled meanwhile is signed out.
 */
public final class LockViewModel {
  private final SignInService signIn;
  private final PasswordSubmission submission;
  private final StringProperty password = new SimpleStringProperty("");

  public LockViewModel(SignInService signIn, TaskRunner tasks, Messages msg) {
    this.signIn = signIn;
    this.submission = new PasswordSubmission(tasks, msg);
  }

  public StringProperty password() {
    return password;
  }

  public ReadOnlyStringProperty error() {
    return submission.error();
  }

  public ReadOnlyBooleanProperty busy() {
    return submission.busy();
  }

  /**
   * Checks the password; {@code onUnlocked} runs when it is right, {@code onSignedOut} when the
   * account can no longer sign in (disabled or deleted meanwhile).
   */
  public void unlock(Runnable onUnlocked, Runnable onSignedOut) {
    if (password.get().isEmpty() || submission.isBusy()) {
      return;
    }
    String[] typed = {password.get()};
    password.set("");
    submission.send(
        "lock.task",
        typed,
        pw -> {
          signIn.unlock(pw[0]);
          return Boolean.TRUE;
        },
        ok -> onUnlocked.run(),
        e -> {
          if (e instanceof fr.passerelle.security.SignInException s
              && s.refusal() == fr.passerelle.security.Authenticator.Refusal.DISABLED) {
            onSignedOut.run();
          }
        });
  }
}
