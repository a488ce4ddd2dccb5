package fr.passerelle.accounts.ui;

import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the three password screens (sign in, unlock, change the password) share: the check runs off
 * the FX thread, the screen is busy meanwhile, the typed secrets are wiped once used whatever
 * happens, and a refusal is said in words.
 */
final class PasswordSubmission {
  /** The check, given the secrets as typed (wiped afterwards). */
  @FunctionalInterface
  interface Check<T> {
    T run(char[][] secrets) throws Exception;
  }

  private final TaskRunner tasks;
  private final Messages msg;
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  PasswordSubmission(TaskRunner tasks, Messages msg) {
    this.tasks = tasks;
    this.msg = msg;
  }

  ReadOnlyStringProperty error() {
    return error.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty busy() {
    return busy.getReadOnlyProperty();
  }

  boolean isBusy() {
    return busy.get();
  }

  /** As {@link #send(String, String[], Check, Consumer, Consumer)}, the refusal only shown. */
  <T> void send(String taskKey, String[] secrets, Check<T> check, Consumer<? super T> done) {
    send(taskKey, secrets, check, done, e -> {});
  }

  /**
   * Runs {@code check} in the background with copies of {@code secrets} (the caller clears its
   * fields at once); {@code done} gets its result, {@code refused} the failure after the refusal is
   * shown.
   */
  <T> void send(
      String taskKey,
      String[] secrets,
      Check<T> check,
      Consumer<? super T> done,
      Consumer<Throwable> refused) {
    char[][] typed = new char[secrets.length][];
    for (int i = 0; i < secrets.length; i++) {
      typed[i] = secrets[i].toCharArray();
    }
    busy.set(true);
    error.set("");
    tasks.submit(
        msg.get(taskKey),
        p -> {
          try {
            return check.run(typed);
          } finally {
            for (char[] t : typed) {
              Arrays.fill(t, '\0');
            }
          }
        },
        r -> {
          busy.set(false);
          done.accept(r);
        },
        e -> {
          busy.set(false);
          error.set(msg.describeOrUnexpected(e));
          refused.accept(e);
        });
  }
}
