package fr.passerelle.accounts.ui;

import fr.passerelle.security.PassphrasePolicy;
import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Choosing a new password (one's own, or after an administrator's reset): the current one, the new
 * one twice, and what the passphrase rule says about it as it is typed.
 */
public final class ChangePasswordViewModel {
  private final SignInService signIn;
  private final PasswordSubmission submission;
  private final Messages msg;
  private final String login;
  private final String firstName;
  private final String lastName;
  private final StringProperty current = new SimpleStringProperty("");
  private final StringProperty fresh = new SimpleStringProperty("");
  private final StringProperty confirm = new SimpleStringProperty("");
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
    this.submission = new PasswordSubmission(tasks, msg);
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
    return valid.and(submission.busy().not());
  }

  public ReadOnlyStringProperty error() {
    return submission.error();
  }

  public ReadOnlyBooleanProperty busy() {
    return submission.busy();
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
    String[] typed = {current.get(), fresh.get()};
    current.set("");
    fresh.set("");
    confirm.set("");
    submission.send(
        "password.task",
        typed,
        pw -> {
          signIn.changePassword(pw[0], pw[1]);
          return Boolean.TRUE;
        },
        ok -> onChanged.run());
  }
}
