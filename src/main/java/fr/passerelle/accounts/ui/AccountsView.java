package fr.passerelle.accounts.ui;

import fr.passerelle.accounts.Account;
import fr.passerelle.accounts.RoleInfo;
import fr.passerelle.security.Permission;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * Navigation entry "Comptes" (administrators): the accounts, a new account, an account's roles and
 * state, the roles as the tables define them, the idle lock.
 */
public final class AccountsView implements FeatureView {
  private static final DateTimeFormatter WHEN = fr.passerelle.core.DateFormats.DAY_TIME;
  private final UiContext ctx;
  private final Messages m;
  private AccountsViewModel vm;

  public AccountsView(UiContext ctx) {
    this.ctx = ctx;
    this.m = ctx.messages();
  }

  @Override
  public String id() {
    return "accounts";
  }

  @Override
  public String titleKey() {
    return "accounts.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignA.ACCOUNT_KEY_OUTLINE;
  }

  public AccountsViewModel viewModel() {
    return vm;
  }

  @Override
  public void onShow() {
    if (vm != null) {
      vm.refresh();
    }
  }

  @Override
  public Node build() {
    vm = new AccountsViewModel(ctx.services().accounts(), ctx.tasks(), m);
    Label title = new Label(m.get("accounts.title"));
    title.getStyleClass().add("title-2");
    Label message = new Label();
    message.setId("accounts-message");
    message.textProperty().bind(vm.message());
    message.getStyleClass().add("success");
    Label error = new Label();
    error.setId("accounts-error");
    error.setWrapText(true);
    error.textProperty().bind(vm.error());
    error.getStyleClass().add("danger");

    SplitPane split = new SplitPane(table(), new ScrollPane(details()));
    split.setDividerPositions(0.55);
    ((ScrollPane) split.getItems().get(1)).setFitToWidth(true);
    VBox top = new VBox(6, title, message, error);
    BorderPane root = new BorderPane(split);
    root.setTop(top);
    root.setBottom(new VBox(8, idleLock(), rolesTable()));
    BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
    root.setPadding(new Insets(16));
    root.setId("accounts-view");
    return root;
  }

  private Node table() {
    TableView<Account> t = new TableView<>(vm.accounts());
    fr.passerelle.ui.Tables.wholeHeaders(t);
    t.setId("accounts-table");
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns()
        .addAll(
            column("accounts.col.login", Account::login),
            column("accounts.col.name", Account::displayName),
            column(
                "accounts.col.roles",
                a ->
                    a.roles().stream()
                        .map(r -> m.get("role." + r))
                        .collect(Collectors.joining(", "))),
            column("accounts.col.state", this::state),
            column(
                "accounts.col.lastSignIn",
                a -> a.lastSignInAt() == null ? "" : WHEN.format(local(a.lastSignInAt()))));
    t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));
    t.setPlaceholder(new Label(m.get("accounts.loading")));
    return t;
  }

  private java.time.ZonedDateTime local(java.time.OffsetDateTime t) {
    return t.atZoneSameInstant(java.time.ZoneId.systemDefault());
  }

  private String state(Account a) {
    if (a.disabled()) {
      return m.get("accounts.state.disabled");
    }
    if (a.lockedUntil() != null
        && a.lockedUntil().toInstant().toEpochMilli() > ctx.services().clock().millis()) {
      return m.get("accounts.state.locked", WHEN.format(local(a.lockedUntil())));
    }
    if (a.mustChange()) {
      return m.get("accounts.state.mustChange");
    }
    return m.get("accounts.state.active");
  }

  private Node details() {
    Label selectedTitle = new Label();
    selectedTitle.getStyleClass().add("title-4");
    selectedTitle
        .textProperty()
        .bind(
            vm.selected()
                .map(a -> m.get("accounts.selected", a.displayName(), a.login()))
                .orElse(m.get("accounts.none")));
    FlowPane roleBoxes = roleChecks("account-role-", vm.selectedRoles());
    Button saveRoles = new Button(m.get("accounts.saveRoles"));
    saveRoles.setId("account-save-roles");
    saveRoles.setOnAction(e -> vm.saveRoles());
    Button disable = new Button();
    disable.setId("account-disable");
    disable
        .textProperty()
        .bind(
            vm.selected()
                .map(a -> m.get(a.disabled() ? "accounts.enable" : "accounts.disable"))
                .orElse(m.get("accounts.disable")));
    disable.setOnAction(
        e -> {
          var who = vm.selected().get();
          // enabling gives access back: no question; disabling locks someone out: ask once
          if (who != null
              && !who.disabled()
              && !ctx.dialogs()
                  .confirmDestructive(
                      m.get("accounts.disable.title", who.displayName()),
                      m.get("accounts.disable.text", who.displayName(), who.login()),
                      m.get("accounts.disable"))) {
            return;
          }
          vm.toggleDisabled();
        });
    Button unlock = new Button(m.get("accounts.unlock"));
    unlock.setId("account-unlock");
    unlock.setOnAction(e -> vm.unlock());
    PasswordField temp = new PasswordField();
    temp.setId("account-reset-password");
    temp.setPromptText(m.get("accounts.temporary"));
    temp.textProperty().bindBidirectional(vm.resetPasswordText());
    Button reset = new Button(m.get("accounts.resetPassword"));
    reset.setId("account-reset");
    reset.disableProperty().bind(vm.resetPasswordText().isEmpty());
    reset.setOnAction(e -> vm.resetPassword());
    VBox selectedBox =
        new VBox(
            8,
            selectedTitle,
            roleBoxes,
            new HBox(8, saveRoles, disable, unlock),
            new HBox(8, temp, reset));
    selectedBox.disableProperty().bind(vm.selected().isNull());

    TextField login = new TextField();
    login.setId("account-new-login");
    login.setPromptText(m.get("accounts.login"));
    login.textProperty().bindBidirectional(vm.login());
    TextField first = new TextField();
    first.setId("account-new-first");
    first.setPromptText(m.get("accounts.firstName"));
    first.textProperty().bindBidirectional(vm.firstName());
    TextField last = new TextField();
    last.setId("account-new-last");
    last.setPromptText(m.get("accounts.lastName"));
    last.textProperty().bindBidirectional(vm.lastName());
    CheckBox counselor = new CheckBox(m.get("accounts.counselor"));
    counselor.selectedProperty().bindBidirectional(vm.counselor());
    PasswordField pw = new PasswordField();
    pw.setId("account-new-password");
    pw.setPromptText(m.get("accounts.temporary"));
    pw.textProperty().bindBidirectional(vm.temporaryPassword());
    Label rule = new Label(m.get("security.policy.rule"));
    rule.setWrapText(true);
    rule.getStyleClass().addAll("text-muted", "text-small");
    Button create = new Button(m.get("accounts.create"));
    create.setId("account-create");
    create.getStyleClass().add("accent");
    create
        .disableProperty()
        .bind(
            vm.login()
                .isEmpty()
                .or(vm.temporaryPassword().isEmpty())
                .or(javafx.beans.binding.Bindings.isEmpty(vm.newRoles())));
    create.setOnAction(e -> vm.create());
    VBox newBox =
        new VBox(
            8,
            new HBox(8, first, last),
            login,
            roleChecks("account-new-role-", vm.newRoles()),
            counselor,
            pw,
            rule,
            create);
    TitledPane newPane = new TitledPane(m.get("accounts.new"), newBox);
    newPane.setExpanded(true);
    VBox box = new VBox(16, selectedBox, newPane);
    box.setPadding(new Insets(8));
    return box;
  }

  /** One check box per role, kept in {@code target}; rebuilt when the roles arrive. */
  private FlowPane roleChecks(String idPrefix, ObservableSet<String> target) {
    FlowPane p = new FlowPane(12, 6);
    Runnable build =
        () -> {
          p.getChildren().clear();
          for (RoleInfo r : vm.roles()) {
            CheckBox c = new CheckBox(m.get("role." + r.code()));
            c.setId(idPrefix + r.code());
            c.setSelected(target.contains(r.code()));
            c.selectedProperty()
                .addListener(
                    (o, a, b) -> {
                      if (b) {
                        target.add(r.code());
                      } else {
                        target.remove(r.code());
                      }
                    });
            target.addListener(
                (SetChangeListener<String>) ch -> c.setSelected(target.contains(r.code())));
            p.getChildren().add(c);
          }
        };
    vm.roles().addListener((javafx.collections.ListChangeListener<RoleInfo>) ch -> build.run());
    build.run();
    return p;
  }

  private Node idleLock() {
    Spinner<Integer> minutes = new Spinner<>(1, 240, 10);
    minutes.setId("accounts-idle");
    minutes.setEditable(true);
    minutes.setPrefWidth(90);
    minutes.getValueFactory().valueProperty().addListener((o, a, b) -> vm.idleMinutes().set(b));
    vm.idleMinutes().addListener((o, a, b) -> minutes.getValueFactory().setValue(b.intValue()));
    Button save = new Button(m.get("accounts.idleSave"));
    save.setId("accounts-idle-save");
    save.setOnAction(e -> vm.saveIdle());
    save.setDisable(!ctx.services().access().has(Permission.SETTINGS_MANAGE));
    HBox box = new HBox(8, new Label(m.get("accounts.idle")), minutes, new Label("min"), save);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private Node rolesTable() {
    TableView<RoleInfo> t = new TableView<>(vm.roles());
    t.setId("accounts-roles");
    t.setPrefHeight(230);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<RoleInfo, String> role = new TableColumn<>(m.get("accounts.col.role"));
    role.setCellValueFactory(c -> new ReadOnlyStringWrapper(m.get("role." + c.getValue().code())));
    role.setPrefWidth(150);
    role.setMaxWidth(200);
    TableColumn<RoleInfo, String> perms = new TableColumn<>(m.get("accounts.col.permissions"));
    perms.setCellValueFactory(
        c ->
            new ReadOnlyStringWrapper(
                c.getValue().permissions().stream()
                    .sorted()
                    .map(p -> m.get("permission." + p.name()))
                    .collect(Collectors.joining(" · "))));
    perms.setCellFactory(
        c -> {
          javafx.scene.control.TableCell<RoleInfo, String> cell =
              new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                  super.updateItem(item, empty);
                  setText(empty ? null : item);
                }
              };
          cell.setWrapText(true); // every permission shown, on as many lines as needed
          return cell;
        });
    t.getColumns().addAll(role, perms);
    TitledPane pane = new TitledPane(m.get("accounts.rolesTitle"), t);
    pane.setExpanded(false);
    return pane;
  }

  private TableColumn<Account, String> column(
      String key, java.util.function.Function<Account, String> f) {
    TableColumn<Account, String> c = new TableColumn<>(m.get(key));
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    return c;
  }
}
