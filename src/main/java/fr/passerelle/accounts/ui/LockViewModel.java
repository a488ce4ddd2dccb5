package fr.passerelle.accounts.ui;

import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The locked window: the signed-in account types its password again to see its work; a refusal
 * (wrong password, lock) is said; an account disabled meanwhile is signed out.
 */
public final class LockViewModel {
  private final SignInService signIn;
  private final TaskRunner tasks;
  private final Messages msg;
  private final StringProperty password = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  public LockViewModel(SignInService signIn, TaskRunner tasks, Messages msg) {
    this.signIn = signIn;
    this.tasks = tasks;
    this.msg = msg;
  }

  public StringProperty password() {
    return password;
  }

  public ReadOnlyStringProperty error() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busy() {
    return busy.getReadOnlyProperty();
  }

  /**
   * Checks the password; {@code onUnlocked} runs when it is right, {@code onSignedOut} when the
   * account can no longer sign in (disabled or deleted meanwhile).
   */
  public void unlock(Runnable onUnlocked, Runnable onSignedOut) {
    if (password.get().isEmpty() || busy.get()) {
      return;
    }
    char[] pw = password.get().toCharArray();
    password.set("");
    busy.set(true);
    error.set("");
    tasks.submit(
        msg.get("lock.task"),
        p -> {
          try {
            signIn.unlock(pw);
            return Boolean.TRUE;
          } finally {
            Arrays.fill(pw, '\0');
          }
        },
        ok -> {
          busy.set(false);
          onUnlocked.run();
        },
        e -> {
          busy.set(false);
          error.set(msg.describeOrUnexpected(e));
          if (e instanceof fr.passerelle.security.SignInException s
              && s.refusal() == fr.passerelle.security.Authenticator.Refusal.DISABLED) {
            onSignedOut.run();
          }
        });
  }
}
