package fr.passerelle.accounts.ui;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in screen's state: login, password, why the last try failed (wrong password, wait,
 * locked). The check runs off the FX thread through a {@link Gate}, today the services' sign-in,
 * tomorrow the key slots opening the encrypted database (ADR 0105).
 */
public final class SignInViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

  /** What checks the credentials and opens the session. */
  @FunctionalInterface
  public interface Gate {
    SignInService.SignedIn signIn(String login, char[] password);
  }

  private final Gate gate;
  private final PasswordSubmission submission;
  private final StringProperty login = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");

  public SignInViewModel(Gate gate, TaskRunner tasks, Messages msg) {
    this.gate = gate;
    this.submission = new PasswordSubmission(tasks, msg);
  }

  public StringProperty login() {
    return login;
  }

  /** The password field's text; emptied as soon as it is sent. */
  public StringProperty password() {
    return password;
  }

  public ReadOnlyStringProperty error() {
    return submission.error();
  }

  public ReadOnlyBooleanProperty busy() {
    return submission.busy();
  }

  /** True when the form can be sent. */
  public BooleanBinding ready() {
    return login.isNotEmpty().and(password.isNotEmpty()).and(submission.busy().not());
  }

  /** Checks the credentials; {@code onSignedIn} runs on success, else the error is shown. */
  public void submit(Consumer<SignInService.SignedIn> onSignedIn) {
    if (!ready().get()) {
      return;
    }
    String l = login.get().trim();
    String[] typed = {password.get()};
    password.set("");
    submission.send(
        "signIn.task",
        typed,
        pw -> gate.signIn(l, pw[0]),
        onSignedIn,
        e -> {
          if (!(e instanceof UserFacingException)) {
            LOG.error("sign-in failed", e);
          }
        });
  }
}
