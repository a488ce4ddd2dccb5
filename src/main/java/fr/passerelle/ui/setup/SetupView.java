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

    VBox form =
        new VBox(
            8,
            title,
            intro,
            gap(),
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
            demoHint,
            gap(),
            why,
            error,
            buttons);
    form.getStyleClass().add("setup-card");
    form.setMaxWidth(560);
    form.setMaxHeight(Region.USE_PREF_SIZE);
    form.setPadding(new Insets(24));
    root.getChildren().add(form);
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
    if (!vm.nameErrorProperty().get().isEmpty()) {
      return m.get("setup.why.name");
    }
    if (!vm.organisationErrorProperty().get().isEmpty()) {
      return m.get("setup.why.organisation");
    }
    return "";
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
