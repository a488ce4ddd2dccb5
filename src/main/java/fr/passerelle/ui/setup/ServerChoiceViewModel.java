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

  /** What the last test said: nothing yet, a server ready for the office, or a refusal. */
  public enum Outcome {
    NONE,
    READY,
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
