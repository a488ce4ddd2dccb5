package fr.passerelle.accounts.ui;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
  private final TaskRunner tasks;
  private final Messages msg;
  private final StringProperty login = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  public SignInViewModel(Gate gate, TaskRunner tasks, Messages msg) {
    this.gate = gate;
    this.tasks = tasks;
    this.msg = msg;
  }

  public StringProperty login() {
    return login;
  }

  /** The password field's text; emptied as soon as it is sent. */
  public StringProperty password() {
    return password;
  }

  public ReadOnlyStringProperty error() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busy() {
    return busy.getReadOnlyProperty();
  }

  /** True when the form can be sent. */
  public BooleanBinding ready() {
    return login.isNotEmpty().and(password.isNotEmpty()).and(busy.not());
  }

  /** Checks the credentials; {@code onSignedIn} runs on success, else the error is shown. */
  public void submit(Consumer<SignInService.SignedIn> onSignedIn) {
    if (!ready().get()) {
      return;
    }
    String l = login.get().trim();
    char[] pw = password.get().toCharArray();
    password.set("");
    busy.set(true);
    error.set("");
    tasks.submit(
        msg.get("signIn.task"),
        p -> {
          try {
            return gate.signIn(l, pw);
          } finally {
            Arrays.fill(pw, '\0');
          }
        },
        s -> {
          busy.set(false);
          onSignedIn.accept(s);
        },
        e -> {
          busy.set(false);
          if (!(e instanceof UserFacingException)) {
            LOG.error("sign-in failed", e);
          }
          error.set(msg.describeOrUnexpected(e));
        });
  }
}
