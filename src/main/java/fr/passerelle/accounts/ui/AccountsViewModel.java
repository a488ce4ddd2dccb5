package fr.passerelle.accounts.ui;

import fr.passerelle.accounts.Account;
import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.accounts.AccountService;
import fr.passerelle.accounts.RoleInfo;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The administrator's accounts screen: the accounts and their state, a new account with a temporary
 * password, an account's roles, disable, reset a forgotten password, unlock; the roles as the
 * tables define them; the idle lock.
 */
public final class AccountsViewModel {
  private final AccountService service;
  private final TaskRunner tasks;
  private final Messages msg;
  private final ObservableList<Account> accounts = FXCollections.observableArrayList();
  private final ObservableList<RoleInfo> roles = FXCollections.observableArrayList();
  private final ObjectProperty<Account> selected = new SimpleObjectProperty<>();
  private final ObservableSet<String> selectedRoles = FXCollections.observableSet();
  private final StringProperty resetPassword = new SimpleStringProperty("");
  private final StringProperty login = new SimpleStringProperty("");
  private final StringProperty firstName = new SimpleStringProperty("");
  private final StringProperty lastName = new SimpleStringProperty("");
  private final ObservableSet<String> newRoles = FXCollections.observableSet();
  private final BooleanProperty counselor = new SimpleBooleanProperty(true);
  private final StringProperty temporaryPassword = new SimpleStringProperty("");
  private final IntegerProperty idleMinutes = new SimpleIntegerProperty(10);
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");

  public AccountsViewModel(AccountService service, TaskRunner tasks, Messages msg) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    selected.addListener(
        (o, a, b) -> {
          selectedRoles.clear();
          if (b != null) {
            selectedRoles.addAll(b.roles());
          }
          resetPassword.set("");
        });
  }

  private record Loaded(List<Account> accounts, List<RoleInfo> roles, Duration idle) {}

  /** Reloads the accounts, roles and setting. */
  public void refresh() {
    tasks.submit(
        msg.get("accounts.task.load"),
        p -> new Loaded(service.list(), service.roles(), service.idleLock()),
        l -> {
          UUID keep = selected.get() == null ? null : selected.get().id();
          accounts.setAll(l.accounts());
          roles.setAll(l.roles());
          idleMinutes.set((int) Math.max(1, l.idle().toMinutes()));
          selected.set(accounts.stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
        },
        this::failed);
  }

  /** Creates the account of the form with its temporary password. */
  public void create() {
    char[] pw = temporaryPassword.get().toCharArray();
    temporaryPassword.set("");
    AccountDraft d =
        new AccountDraft(
            login.get().trim(),
            firstName.get().trim(),
            lastName.get().trim(),
            List.copyOf(newRoles),
            null,
            counselor.get());
    run(
        () -> {
          try {
            return service.create(d, pw);
          } finally {
            Arrays.fill(pw, '\0');
          }
        },
        a -> {
          message.set(msg.get("accounts.created", a.login()));
          login.set("");
          firstName.set("");
          lastName.set("");
          newRoles.clear();
        });
  }

  /** Saves the selected account's roles. */
  public void saveRoles() {
    Account a = selected.get();
    if (a == null) {
      return;
    }
    List<String> r = roles.stream().map(RoleInfo::code).filter(selectedRoles::contains).toList();
    run(
        () -> service.setRoles(a.id(), r),
        x -> message.set(msg.get("accounts.rolesSaved", x.login())));
  }

  /** Disables or enables again the selected account. */
  public void toggleDisabled() {
    Account a = selected.get();
    if (a == null) {
      return;
    }
    run(
        () -> service.setDisabled(a.id(), !a.disabled()),
        x ->
            message.set(
                msg.get(x.disabled() ? "accounts.disabled" : "accounts.enabled", x.login())));
  }

  /** Gives the selected account the temporary password typed. */
  public void resetPassword() {
    Account a = selected.get();
    if (a == null) {
      return;
    }
    char[] pw = resetPassword.get().toCharArray();
    resetPassword.set("");
    run(
        () -> {
          try {
            service.resetPassword(a.id(), pw);
            return a;
          } finally {
            Arrays.fill(pw, '\0');
          }
        },
        x -> message.set(msg.get("accounts.reset", x.login())));
  }

  /** Lifts the selected account's lock. */
  public void unlock() {
    Account a = selected.get();
    if (a == null) {
      return;
    }
    run(
        () -> {
          service.unlock(a.id());
          return a;
        },
        x -> message.set(msg.get("accounts.unlocked", x.login())));
  }

  /** Saves the idle lock. */
  public void saveIdle() {
    int minutes = idleMinutes.get();
    run(
        () -> {
          service.setIdleLock(Duration.ofMinutes(minutes));
          return null;
        },
        x -> message.set(msg.get("accounts.idleSaved", minutes)));
  }

  @FunctionalInterface
  private interface Action<T> {
    T run() throws Exception;
  }

  private <T> void run(Action<T> action, java.util.function.Consumer<T> done) {
    message.set("");
    error.set("");
    tasks.submit(
        msg.get("accounts.task.save"),
        p -> action.run(),
        x -> {
          done.accept(x);
          refresh();
        },
        this::failed);
  }

  private void failed(Throwable e) {
    error.set(msg.describe(e));
  }

  public ObservableList<Account> accounts() {
    return accounts;
  }

  public ObservableList<RoleInfo> roles() {
    return roles;
  }

  public ObjectProperty<Account> selected() {
    return selected;
  }

  public ObservableSet<String> selectedRoles() {
    return selectedRoles;
  }

  public StringProperty resetPasswordText() {
    return resetPassword;
  }

  public StringProperty login() {
    return login;
  }

  public StringProperty firstName() {
    return firstName;
  }

  public StringProperty lastName() {
    return lastName;
  }

  public ObservableSet<String> newRoles() {
    return newRoles;
  }

  public BooleanProperty counselor() {
    return counselor;
  }

  public StringProperty temporaryPassword() {
    return temporaryPassword;
  }

  public IntegerProperty idleMinutes() {
    return idleMinutes;
  }

  public StringProperty message() {
    return message;
  }

  public StringProperty error() {
    return error;
  }
}
