package fr.passerelle.ui.setup;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-start window's choice of where the office's data lives (issue 15, ADR 0190): on this
 * workstation (the embedded database, the default) or on the office's PostgreSQL server, with its
 * address, user and password, and "Tester la connexion" run in the background. The password is only
 * in this form's field until it is sealed by the set-up; never logged.
 */
public final class ServerChoiceViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(ServerChoiceViewModel.class);

  /** Where the office's data is kept. */
  public enum Where {
    WORKSTATION,
    SERVER
  }

  /**
   * What the last test said: nothing yet, a server ready for a new office, the office's
   * installation this workstation may join, or a refusal.
   */
  public enum Outcome {
    NONE,
    READY,
    JOINABLE,
    REFUSED
  }

  private final OfficeServers servers;
  private final TaskRunner tasks;
  private final Messages m;
  private final ObjectProperty<Where> where = new SimpleObjectProperty<>(Where.WORKSTATION);
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringBinding error;
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
  private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
  private final StringProperty joinLogin = new SimpleStringProperty("");
  private final StringProperty joinPassword = new SimpleStringProperty("");
  private final javafx.beans.binding.BooleanBinding joining;
  private final StringBinding joinError;

  /** {@code servers} null: the window offers no server (this workstation only). */
  public ServerChoiceViewModel(OfficeServers servers, TaskRunner tasks, Messages m) {
    this.servers = servers;
    this.tasks = tasks;
    this.m = m;
    error = Bindings.createStringBinding(this::check, where, address, user, password);
    // what was tested no longer holds once a field changes
    address.addListener((o, a, b) -> forget());
    user.addListener((o, a, b) -> forget());
    password.addListener((o, a, b) -> forget());
    where.addListener((o, a, b) -> forget());
    joining = where.isEqualTo(Where.SERVER).and(outcome.isEqualTo(Outcome.JOINABLE));
    joinError = Bindings.createStringBinding(this::checkJoin, joining, joinLogin, joinPassword);
  }

  /** Why the join cannot be asked yet (empty when it can, or when not joining). */
  private String checkJoin() {
    if (!joining.get()) {
      return "";
    }
    if (joinLogin.get().isBlank()) {
      return m.get("setup.join.why.login");
    }
    if (joinPassword.get().isEmpty()) {
      return m.get("setup.join.why.password");
    }
    return "";
  }

  /** True when the window offers the office server. */
  public boolean offered() {
    return servers != null;
  }

  private void forget() {
    result.set("");
    outcome.set(Outcome.NONE);
  }

  /** Why the server's fields cannot be used yet (empty when they can, or on this workstation). */
  private String check() {
    if (where.get() != Where.SERVER) {
      return "";
    }
    if (!OfficeServer.looksValid(address.get())) {
      return m.get("setup.server.why.address");
    }
    if (user.get().isBlank()) {
      return m.get("setup.server.why.user");
    }
    if (password.get().isEmpty()) {
      return m.get("setup.server.why.password");
    }
    return "";
  }

  /** The server of the fields (valid ones only). */
  OfficeServer server() {
    return OfficeServer.parse(address.get().trim(), user.get().trim().toLowerCase(Locale.ROOT));
  }

  /** A copy of the typed password; the caller clears it. */
  char[] takePassword() {
    return password.get().toCharArray();
  }

  /** True when the data goes to the office server. */
  public boolean onServer() {
    return where.get() == Where.SERVER;
  }

  /**
   * "Tester la connexion", in the background: says whether the database is ready for a new office,
   * or why not (unreachable with its address, refused, already holding an installation, not empty).
   */
  public void test() {
    if (!error.get().isEmpty() || testing.get()) {
      return;
    }
    OfficeServer s = server();
    char[] pw = takePassword();
    testing.set(true);
    result.set(m.get("setup.server.testing"));
    outcome.set(Outcome.NONE);
    tasks.submit(
        m.get("setup.server.testing"),
        p -> {
          try {
            return servers.test(s, pw);
          } finally {
            java.util.Arrays.fill(pw, '\0');
          }
        },
        found -> {
          testing.set(false);
          if (found.installation()) {
            result.set(m.get("setup.server.joinable", s.address()));
            outcome.set(Outcome.JOINABLE);
            return;
          }
          result.set(m.get(found.empty() ? "setup.server.ok" : "setup.server.resume", s.address()));
          outcome.set(Outcome.READY);
        },
        e -> {
          testing.set(false);
          refused(m.describeOrUnexpected(e));
          if (!(e instanceof UserFacingException)) {
            LOG.error("office server test failed", e);
          }
        });
  }

  private void refused(String why) {
    result.set(why);
    outcome.set(Outcome.REFUSED);
  }

  /**
   * A new installation on {@code where}: opened, {@code create} making its office and first
   * administrator (signed in with {@code password}), then kept (off the FX thread).
   */
  fr.passerelle.office.Office setUpNew(
      OfficeServer where,
      char[] serverPassword,
      char[] password,
      java.util.function.Function<fr.passerelle.app.Services, fr.passerelle.office.Office> create) {
    fr.passerelle.app.Services target = servers.openNew(where, serverPassword);
    try {
      fr.passerelle.office.Office office = create.apply(target);
      servers.keep(target, password, where, serverPassword);
      return office;
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /**
   * The join of this workstation to the office's installation the test found, its fields read now
   * (on the FX thread); the returned call runs it off the FX thread, the account of the join fields
   * signed in there, then clears the passwords it took.
   */
  java.util.function.Supplier<fr.passerelle.security.SignInService.SignedIn> joiner() {
    OfficeServer s = server();
    char[] serverPw = takePassword();
    char[] pw = joinPassword.get().toCharArray();
    String login = joinLogin.get().trim().toLowerCase(Locale.ROOT);
    return () -> {
      try {
        return servers.join(s, serverPw, login, pw);
      } finally {
        java.util.Arrays.fill(serverPw, '\0');
        java.util.Arrays.fill(pw, '\0');
      }
    };
  }

  /** True when the test found the office's installation: this workstation joins it. */
  public javafx.beans.binding.BooleanBinding joiningProperty() {
    return joining;
  }

  /** The account of the office that joins (its login). */
  public StringProperty joinLoginProperty() {
    return joinLogin;
  }

  public StringProperty joinPasswordProperty() {
    return joinPassword;
  }

  /** What the join still needs, empty when it can be asked (or when not joining). */
  public StringBinding joinErrorProperty() {
    return joinError;
  }

  public ObjectProperty<Where> whereProperty() {
    return where;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty userProperty() {
    return user;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  /** Why the server's fields are not usable yet; empty when fine. */
  public StringBinding errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty testingProperty() {
    return testing.getReadOnlyProperty();
  }

  /** What the last test said, in words. */
  public ReadOnlyStringProperty resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ObjectProperty<Outcome> outcomeProperty() {
    return outcome;
  }
}
