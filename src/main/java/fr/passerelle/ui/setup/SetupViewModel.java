package fr.passerelle.ui.setup;

import fr.passerelle.app.Services;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: the office's name, kind and organisation (prefilled by the default rule until the
 * counselor edits it), and whether to explore with demo data. Saving creates the office; the demo
 * data is then generated in the background.
 */
public final class SetupViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(SetupViewModel.class);
  static final int MAX_LENGTH = 255;

  /** Generates the demo data (a stand-in in tests). */
  @FunctionalInterface
  public interface DemoGenerator {
    DemoService.Report generate(Services services, Progress progress);

    DemoGenerator DEFAULT =
        (services, progress) ->
            new DemoService(services)
                .generate(
                    new DemoService.Options(
                        DemoService.Options.DEFAULT_CANDIDATES,
                        DemoService.Options.DEFAULT_SEED,
                        services.clock().today()),
                    progress);
  }

  /** What the set-up creates. */
  public enum Mode {
    /** A fresh installation: the office and its first administrator. */
    OFFICE_AND_ADMINISTRATOR,
    /** An office set up before accounts existed: its first administrator only. */
    ADMINISTRATOR_ONLY,
    /** The office only (an administrator is signed in). */
    OFFICE_ONLY
  }

  private final UiContext ctx;
  private final DemoGenerator demoGenerator;
  private final Mode mode;
  private final ServerChoiceViewModel server;
  private final StringProperty adminFirstName = new SimpleStringProperty("");
  private final StringProperty adminLastName = new SimpleStringProperty("");
  private final StringProperty adminLogin = new SimpleStringProperty("");
  private final StringProperty adminPassword = new SimpleStringProperty("");
  private final StringProperty adminConfirm = new SimpleStringProperty("");
  private final StringBinding adminError;
  private boolean loginEdited;
  private boolean prefillingLogin;
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<OfficeKind> kind =
      new SimpleObjectProperty<>(OfficeKind.FRANCE_TRAVAIL);
  private final StringProperty organisation = new SimpleStringProperty("");
  private final BooleanProperty demo = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final StringBinding nameError;
  private final StringBinding organisationError;
  private final BooleanBinding valid;
  private boolean organisationEdited;
  private boolean prefilling;

  /** Told the first administrator's password once it is created (off the FX thread). */
  @FunctionalInterface
  public interface AdministratorCreated {
    void created(char[] password);
  }

  private AdministratorCreated administratorCreated = pw -> {};
  private Consumer<fr.passerelle.security.SignInService.SignedIn> joined = s -> {};

  /**
   * What follows this workstation's join to the office's installation on the server (its account
   * signed in there): the window's sign-in sequence.
   */
  public void onJoined(Consumer<fr.passerelle.security.SignInService.SignedIn> j) {
    this.joined = j;
  }

  /** What follows the first administrator's creation: the encryption of the database. */
  public void onAdministratorCreated(AdministratorCreated a) {
    this.administratorCreated = a;
  }

  public SetupViewModel(UiContext ctx, DemoGenerator demoGenerator) {
    this(ctx, demoGenerator, Mode.OFFICE_ONLY);
  }

  public SetupViewModel(UiContext ctx, DemoGenerator demoGenerator, Mode mode) {
    this(ctx, demoGenerator, mode, null);
  }

  /**
   * {@code servers} not null: a new installation may choose the office server (ADR 0190) instead of
   * this workstation.
   */
  public SetupViewModel(
      UiContext ctx, DemoGenerator demoGenerator, Mode mode, OfficeServers servers) {
    this.ctx = ctx;
    this.server =
        new ServerChoiceViewModel(
            mode == Mode.OFFICE_AND_ADMINISTRATOR ? servers : null, ctx.tasks(), ctx.messages());
    this.demoGenerator = demoGenerator;
    this.mode = mode;
    Messages m = ctx.messages();
    boolean office = mode != Mode.ADMINISTRATOR_ONLY;
    nameError = Bindings.createStringBinding(() -> office ? check(name.get(), m) : "", name);
    organisationError =
        Bindings.createStringBinding(
            () -> office ? check(organisation.get(), m) : "", organisation);
    adminError =
        Bindings.createStringBinding(
            this::checkAdmin,
            adminLogin,
            adminPassword,
            adminConfirm,
            adminFirstName,
            adminLastName);
    BooleanBinding newOffice =
        nameError
            .isEmpty()
            .and(organisationError.isEmpty())
            .and(kind.isNotNull())
            .and(adminError.isEmpty())
            .and(server.errorProperty().isEmpty());
    BooleanBinding join =
        server.errorProperty().isEmpty().and(server.joinErrorProperty().isEmpty());
    valid = Bindings.when(server.joiningProperty()).then(join).otherwise(newOffice).and(busy.not());
    adminFirstName.addListener((o, a, b) -> prefillLogin());
    adminLastName.addListener((o, a, b) -> prefillLogin());
    adminLogin.addListener(
        (o, a, b) -> {
          if (!prefillingLogin) {
            loginEdited = true;
          }
        });
    name.addListener((o, a, b) -> prefill());
    kind.addListener((o, a, b) -> prefill());
    organisation.addListener(
        (o, a, b) -> {
          if (!prefilling) {
            organisationEdited = true;
          }
        });
    prefill();
  }

  private static String check(String value, Messages m) {
    if (value == null || value.isBlank()) {
      return m.get("setup.required");
    }
    if (value.trim().length() > MAX_LENGTH) {
      return m.get("setup.tooLong", MAX_LENGTH);
    }
    return "";
  }

  /** Why the administrator part cannot be saved yet (empty when it can, or when not asked). */
  private String checkAdmin() {
    if (mode == Mode.OFFICE_ONLY) {
      return "";
    }
    Messages m = ctx.messages();
    String login = adminLogin.get().trim();
    if (login.isEmpty()) {
      return m.get("setup.admin.why.login");
    }
    if (!login.toLowerCase(java.util.Locale.ROOT).matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      return m.get("accounts.error.login");
    }
    if (adminPassword.get().isEmpty()) {
      return m.get("security.policy.rule");
    }
    var problems =
        ctx.services()
            .signIn()
            .problems(
                adminPassword.get().toCharArray(),
                login,
                adminFirstName.get(),
                adminLastName.get());
    if (!problems.isEmpty()) {
      return m.get(problems.get(0).key(), problems.get(0).arg());
    }
    if (!adminPassword.get().equals(adminConfirm.get())) {
      return m.get("password.differ");
    }
    return "";
  }

  /** "cmartin" from Camille Martin, until the login is edited by hand. */
  private void prefillLogin() {
    if (loginEdited) {
      return;
    }
    String first = fold(adminFirstName.get());
    String last = fold(adminLastName.get());
    prefillingLogin = true;
    try {
      adminLogin.set((first.isEmpty() ? "" : first.substring(0, 1)) + last);
    } finally {
      prefillingLogin = false;
    }
  }

  private static String fold(String s) {
    return java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
  }

  public Mode mode() {
    return mode;
  }

  /** Where the office's data is kept: this workstation or the office server. */
  public ServerChoiceViewModel server() {
    return server;
  }

  public StringProperty adminFirstNameProperty() {
    return adminFirstName;
  }

  public StringProperty adminLastNameProperty() {
    return adminLastName;
  }

  public StringProperty adminLoginProperty() {
    return adminLogin;
  }

  public StringProperty adminPasswordProperty() {
    return adminPassword;
  }

  public StringProperty adminConfirmProperty() {
    return adminConfirm;
  }

  /** What the administrator part still needs (the passphrase rule's advice), empty when fine. */
  public StringBinding adminErrorProperty() {
    return adminError;
  }

  private void prefill() {
    if (organisationEdited || kind.get() == null) {
      return;
    }
    prefilling = true;
    try {
      organisation.set(
          Office.defaultOrganisation(name.get() == null ? "" : name.get(), kind.get()));
    } finally {
      prefilling = false;
    }
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<OfficeKind> kindProperty() {
    return kind;
  }

  public StringProperty organisationProperty() {
    return organisation;
  }

  public BooleanProperty demoProperty() {
    return demo;
  }

  /** Why the name is refused, empty when it is fine. */
  public StringBinding nameErrorProperty() {
    return nameError;
  }

  public StringBinding organisationErrorProperty() {
    return organisationError;
  }

  /** True when the form can be saved. */
  public BooleanBinding validProperty() {
    return valid;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Why saving failed, empty otherwise. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /**
   * Creates the office and, as the mode asks, its first administrator (signed in once created),
   * then calls {@code onSaved} with the office.
   */
  public void save(Consumer<Office> onSaved) {
    if (!valid.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    if (server.joiningProperty().get()) {
      join();
      return;
    }
    String n = name.get().trim();
    OfficeKind k = kind.get();
    String org = organisation.get().trim();
    String first = adminFirstName.get().trim();
    String last = adminLastName.get().trim();
    fr.passerelle.accounts.AccountDraft admin =
        new fr.passerelle.accounts.AccountDraft(
            adminLogin.get().trim(),
            first,
            last,
            java.util.List.of(),
            null,
            !first.isEmpty() || !last.isEmpty());
    char[] pw = adminPassword.get().toCharArray();
    adminPassword.set("");
    adminConfirm.set("");
    boolean onServer = server.onServer() && server.offered();
    fr.passerelle.db.OfficeServer where = onServer ? server.server() : null;
    char[] serverPw = onServer ? server.takePassword() : null;
    ctx.tasks()
        .submit(
            ctx.messages().get("setup.task"),
            p -> {
              try {
                if (onServer) {
                  return server.setUpNew(
                      where,
                      serverPw,
                      pw,
                      target -> {
                        target.accounts().setUp(n, k, org, admin, pw);
                        return target.offices().current().orElseThrow();
                      });
                }
                Office office =
                    switch (mode) {
                      case OFFICE_ONLY -> ctx.services().offices().init(n, k, org);
                      case OFFICE_AND_ADMINISTRATOR -> {
                        ctx.services().accounts().setUp(n, k, org, admin, pw);
                        yield ctx.services().offices().current().orElseThrow();
                      }
                      case ADMINISTRATOR_ONLY -> {
                        ctx.services().accounts().createFirstAdministrator(admin, pw);
                        yield ctx.services().offices().current().orElseThrow();
                      }
                    };
                if (mode != Mode.OFFICE_ONLY) {
                  // the first administrator exists: its password now protects the database
                  administratorCreated.created(pw);
                }
                return office;
              } finally {
                java.util.Arrays.fill(pw, '\0');
                if (serverPw != null) {
                  java.util.Arrays.fill(serverPw, '\0');
                }
              }
            },
            office -> {
              busy.set(false);
              server.passwordProperty().set("");
              onSaved.accept(office);
            },
            e -> failed("setup", e));
  }

  /** Says why the set-up or the join failed, in words; logs what was not expected. */
  private void failed(String what, Throwable e) {
    busy.set(false);
    error.set(ctx.messages().describeOrUnexpected(e));
    if (!(e instanceof UserFacingException)) {
      LOG.error("{} failed", what, e);
    }
  }

  /** Joins the office's installation on the server, then tells {@link #onJoined}. */
  private void join() {
    var joiner = server.joiner();
    ctx.tasks()
        .submit(
            ctx.messages().get("setup.join.task"),
            p -> joiner.get(),
            signedIn -> {
              busy.set(false);
              server.passwordProperty().set("");
              server.joinPasswordProperty().set("");
              joined.accept(signedIn);
            },
            e -> failed("join", e));
  }

  /**
   * Generates the demo data in the background (progress and cancel in the status bar), then tells
   * {@code notify} what happened, in words; {@code onChanged} runs when data was added.
   */
  public void startDemo(Consumer<String> notify, Runnable onChanged) {
    startDemo(ctx.services(), notify, onChanged);
  }

  /** As {@link #startDemo(Consumer, Runnable)} on {@code services} (reopened encrypted). */
  public void startDemo(
      fr.passerelle.app.Services services, Consumer<String> notify, Runnable onChanged) {
    Messages m = ctx.messages();
    ctx.tasks()
        .submit(
            m.get("demo.task"),
            p -> demoGenerator.generate(services, p),
            report -> {
              int total = report.rows().values().stream().mapToInt(Integer::intValue).sum();
              notify.accept(m.get("demo.done", total));
              onChanged.run();
            },
            e -> {
              if (e instanceof UnsupportedOperationException) {
                notify.accept(m.get("demo.unavailable"));
              } else if (e instanceof CancelledException) {
                notify.accept(m.get("demo.cancelled"));
              } else {
                LOG.error("demo data failed", e);
                notify.accept(m.get("demo.failed", m.describe(e)));
              }
            });
  }
}
