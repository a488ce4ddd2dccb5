package fr.passerelle.ui.setup;

import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * The first-start dialog, shown in the main window on an installation without an office: office
 * name, kind, organisation, demo data. Errors are shown next to their field once it has been left
 * (or on an attempt to save), and the line above the buttons says why "Commencer" is disabled.
 */
public final class SetupView {
  private final SetupViewModel vm;
  private final StackPane root = new StackPane();
  private final BooleanProperty showErrors = new SimpleBooleanProperty(false);

  public SetupView(SetupViewModel vm, Messages m, Runnable onSave, Runnable onQuit) {
    this.vm = vm;
    Label title = new Label(m.get("setup.title"));
    title.getStyleClass().add("title-2");
    Label intro = new Label(m.get("setup.intro"));
    intro.setWrapText(true);

    TextField name = new TextField();
    name.setId("setup-name");
    name.setPromptText(m.get("setup.name.prompt"));
    name.textProperty().bindBidirectional(vm.nameProperty());

    ToggleGroup kinds = new ToggleGroup();
    VBox kindBox = new VBox(6);
    for (OfficeKind k : OfficeKind.values()) {
      RadioButton r = new RadioButton(m.get("setup.kind." + k.name()));
      r.setId("setup-kind-" + k.name());
      r.setUserData(k);
      r.setToggleGroup(kinds);
      r.setSelected(k == vm.kindProperty().get());
      kindBox.getChildren().add(r);
    }
    kinds
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.kindProperty().set((OfficeKind) b.getUserData());
              }
            });

    TextField organisation = new TextField();
    organisation.setId("setup-organisation");
    organisation.textProperty().bindBidirectional(vm.organisationProperty());
    Label orgHint = new Label(m.get("setup.organisation.hint"));
    orgHint.setWrapText(true);
    orgHint.getStyleClass().addAll("text-muted", "text-small");

    CheckBox demo = new CheckBox(m.get("setup.demo"));
    demo.setId("setup-demo");
    demo.selectedProperty().bindBidirectional(vm.demoProperty());
    Label demoHint = new Label(m.get("setup.demo.hint"));
    demoHint.setWrapText(true);
    demoHint.getStyleClass().addAll("text-muted", "text-small");

    validate(name, vm.nameErrorProperty());
    validate(organisation, vm.organisationErrorProperty());

    Label why = new Label();
    why.setId("setup-why");
    why.setWrapText(true);
    why.getStyleClass().add("text-muted");
    why.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> reason(m),
                vm.nameErrorProperty(),
                vm.organisationErrorProperty(),
                vm.adminErrorProperty(),
                vm.server().errorProperty(),
                vm.server().joinErrorProperty(),
                vm.server().joiningProperty(),
                vm.errorProperty()));
    Label error = new Label();
    error.setId("setup-error");
    error.setWrapText(true);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.errorProperty());

    Button quit = new Button(m.get("setup.quit"));
    quit.setId("setup-quit");
    quit.setCancelButton(true);
    quit.setOnAction(e -> onQuit.run());
    Button save = new Button(m.get("setup.save"));
    save.setId("setup-save");
    save.setDefaultButton(true);
    save.getStyleClass().add("accent");
    save.disableProperty().bind(vm.validProperty().not());
    save.setOnAction(
        e -> {
          showErrors.set(true);
          onSave.run();
        });
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(vm.busyProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, busy, spacer, quit, save);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox officePart =
        new VBox(
            8,
            fieldLabel(m.get("setup.name"), name),
            name,
            fieldError(vm.nameErrorProperty()),
            fieldLabel(m.get("setup.kind"), kindBox.getChildren().get(0)),
            kindBox,
            gap(),
            fieldLabel(m.get("setup.organisation"), organisation),
            organisation,
            fieldError(vm.organisationErrorProperty()),
            orgHint,
            gap(),
            demo,
            demoHint);
    // no demo data in the office's shared database
    javafx.beans.binding.BooleanBinding local =
        vm.server().whereProperty().isEqualTo(ServerChoiceViewModel.Where.WORKSTATION);
    for (Node n : new Node[] {demo, demoHint}) {
      n.visibleProperty().bind(local);
      n.managedProperty().bind(local);
    }
    local.addListener((o, was, is) -> demo.setSelected(demo.isSelected() && is));
    boolean officeAsked = vm.mode() != SetupViewModel.Mode.ADMINISTRATOR_ONLY;
    officePart.setVisible(officeAsked);
    officePart.setManaged(officeAsked);
    VBox adminPart = adminPart(m);
    boolean adminAsked = vm.mode() != SetupViewModel.Mode.OFFICE_ONLY;
    adminPart.setVisible(adminAsked);
    adminPart.setManaged(adminAsked);
    if (!officeAsked) {
      title.setText(m.get("setup.admin.title"));
      intro.setText(m.get("setup.admin.intro"));
    }
    // side by side: the whole form fits a 1280×800 window without scrolling
    HBox parts = new HBox(32, officePart, adminPart);
    officePart.setPrefWidth(440);
    officePart.setMinWidth(420);
    adminPart.setMinWidth(360);
    HBox.setHgrow(adminPart, Priority.ALWAYS);
    Node where = new ServerChoiceView(vm.server(), m).node();
    // the test found the office's installation: this workstation joins it, nothing else asked
    javafx.beans.binding.BooleanBinding joining = vm.server().joiningProperty();
    parts.visibleProperty().bind(joining.not());
    parts.managedProperty().bind(parts.visibleProperty());
    String titleText = title.getText();
    String introText = intro.getText();
    String saveText = save.getText();
    joining.addListener(
        (o, was, is) -> {
          title.setText(is ? m.get("setup.join.title") : titleText);
          intro.setText(is ? m.get("setup.join.intro") : introText);
          save.setText(is ? m.get("setup.join.save") : saveText);
        });
    VBox form = new VBox(8, title, intro, gap(), parts, gap(), where, why, error, buttons);
    form.getStyleClass().add("setup-card");
    form.setMaxWidth(officeAsked && adminAsked ? 1000 : 560);
    form.setMaxHeight(Region.USE_PREF_SIZE);
    form.setPadding(new Insets(24));
    // centred while the window is tall enough, scrolled when it is not
    StackPane centre = new StackPane(form);
    centre.setPadding(new Insets(16));
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(centre);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().addAll("edge-to-edge", "setup-scroll");
    scroll.viewportBoundsProperty().addListener((o, a, b) -> centre.setMinHeight(b.getHeight()));
    root.getChildren().add(scroll);
    root.getStyleClass().add("setup-backdrop");
    name.focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (was) {
                showErrors.set(true);
              }
            });
  }

  public Parent node() {
    return root;
  }

  private String reason(Messages m) {
    if (vm.server().joiningProperty().get()) {
      String server = vm.server().errorProperty().get();
      return server.isEmpty() ? vm.server().joinErrorProperty().get() : server;
    }
    if (!vm.nameErrorProperty().get().isEmpty()) {
      return m.get("setup.why.name");
    }
    if (!vm.organisationErrorProperty().get().isEmpty()) {
      return m.get("setup.why.organisation");
    }
    if (!vm.adminErrorProperty().get().isEmpty()) {
      return vm.adminErrorProperty().get();
    }
    return vm.server().errorProperty().get();
  }

  /** The first administrator: name (a counselor of the office), login, password twice. */
  private VBox adminPart(Messages m) {
    Label heading = new Label(m.get("setup.admin.heading"));
    heading.getStyleClass().add("title-4");
    Label hint = new Label(m.get("setup.admin.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().addAll("text-muted", "text-small");
    TextField first = new TextField();
    first.setId("setup-admin-first");
    first.textProperty().bindBidirectional(vm.adminFirstNameProperty());
    TextField last = new TextField();
    last.setId("setup-admin-last");
    last.textProperty().bindBidirectional(vm.adminLastNameProperty());
    TextField login = new TextField();
    login.setId("setup-admin-login");
    login.textProperty().bindBidirectional(vm.adminLoginProperty());
    javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
    password.setId("setup-admin-password");
    password.textProperty().bindBidirectional(vm.adminPasswordProperty());
    javafx.scene.control.PasswordField confirm = new javafx.scene.control.PasswordField();
    confirm.setId("setup-admin-confirm");
    confirm.textProperty().bindBidirectional(vm.adminConfirmProperty());
    Label rule = new Label(m.get("security.policy.rule"));
    rule.setWrapText(true);
    rule.getStyleClass().addAll("text-muted", "text-small");
    HBox names =
        new HBox(
            8,
            new VBox(4, fieldLabel(m.get("setup.admin.first"), first), first),
            new VBox(4, fieldLabel(m.get("setup.admin.last"), last), last));
    names.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
    HBox passwords =
        new HBox(
            8,
            new VBox(4, fieldLabel(m.get("setup.admin.password"), password), password),
            new VBox(4, fieldLabel(m.get("setup.admin.confirm"), confirm), confirm));
    passwords.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
    return new VBox(
        8,
        heading,
        hint,
        names,
        new VBox(4, fieldLabel(m.get("setup.admin.login"), login), login),
        passwords,
        rule);
  }

  private void validate(TextField field, StringBinding error) {
    ValidationSupport support = new ValidationSupport();
    support.setValidationDecorator(new GraphicValidationDecoration());
    support.errorDecorationEnabledProperty().bind(showErrors);
    support.registerValidator(
        field,
        false,
        (c, v) ->
            ValidationResult.fromMessageIf(c, error.get(), Severity.ERROR, !error.get().isEmpty()));
  }

  private Label fieldError(StringBinding error) {
    Label l = new Label();
    l.getStyleClass().addAll("danger", "text-small");
    l.textProperty().bind(error);
    l.visibleProperty().bind(showErrors.and(error.isNotEmpty()));
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private static Label fieldLabel(String text, Node target) {
    Label l = new Label(text);
    l.getStyleClass().add("field-label");
    l.setLabelFor(target);
    l.setMnemonicParsing(true);
    return l;
  }

  private static Region gap() {
    Region r = new Region();
    r.setMinHeight(4);
    return r;
  }
}
