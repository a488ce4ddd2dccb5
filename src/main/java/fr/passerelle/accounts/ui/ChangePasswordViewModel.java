package fr.passerelle.accounts.ui;

import fr.passerelle.security.PassphrasePolicy;
import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Choosing a new password (one's own, or after an administrator's reset): the current one, the new
 * one twice, and what the passphrase rule says about it as it is typed.
 */
public final class ChangePasswordViewModel {
  private final SignInService signIn;
  private final TaskRunner tasks;
  private final Messages msg;
  private final String login;
  private final String firstName;
  private final String lastName;
  private final StringProperty current = new SimpleStringProperty("");
  private final StringProperty fresh = new SimpleStringProperty("");
  private final StringProperty confirm = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final StringBinding advice;
  private final BooleanBinding valid;

  public ChangePasswordViewModel(
      SignInService signIn,
      TaskRunner tasks,
      Messages msg,
      String login,
      String firstName,
      String lastName) {
    this.signIn = signIn;
    this.tasks = tasks;
    this.msg = msg;
    this.login = login;
    this.firstName = firstName;
    this.lastName = lastName;
    this.advice = Bindings.createStringBinding(this::describe, fresh, confirm);
    this.valid =
        Bindings.createBooleanBinding(
            () ->
                !current.get().isEmpty()
                    && problems().isEmpty()
                    && fresh.get().equals(confirm.get()),
            current,
            fresh,
            confirm);
  }

  public StringProperty current() {
    return current;
  }

  public StringProperty fresh() {
    return fresh;
  }

  public StringProperty confirm() {
    return confirm;
  }

  /** What the rule says of the new password as typed (or that the two differ); empty: fine. */
  public StringBinding advice() {
    return advice;
  }

  public BooleanBinding valid() {
    return valid.and(busy.not());
  }

  public ReadOnlyStringProperty error() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busy() {
    return busy.getReadOnlyProperty();
  }

  private List<PassphrasePolicy.Problem> problems() {
    return signIn.problems(fresh.get().toCharArray(), login, firstName, lastName);
  }

  private String describe() {
    if (fresh.get().isEmpty()) {
      return msg.get("security.policy.rule");
    }
    List<PassphrasePolicy.Problem> p = problems();
    if (!p.isEmpty()) {
      return msg.get(p.get(0).key(), p.get(0).arg());
    }
    if (!fresh.get().equals(confirm.get())) {
      return msg.get("password.differ");
    }
    return msg.get("password.ok");
  }

  /** Changes the password; {@code onChanged} runs when done. */
  public void submit(Runnable onChanged) {
    if (!valid().get()) {
      return;
    }
    char[] cur = current.get().toCharArray();
    char[] neu = fresh.get().toCharArray();
    current.set("");
    fresh.set("");
    confirm.set("");
    busy.set(true);
    error.set("");
    tasks.submit(
        msg.get("password.task"),
        p -> {
          try {
            signIn.changePassword(cur, neu);
            return Boolean.TRUE;
          } finally {
            Arrays.fill(cur, '\0');
            Arrays.fill(neu, '\0');
          }
        },
        ok -> {
          busy.set(false);
          onChanged.run();
        },
        e -> {
          busy.set(false);
          error.set(msg.describeOrUnexpected(e));
        });
  }
}
