package fr.passerelle.accounts.ui;

import fr.passerelle.ui.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "choose your password" card: voluntary (Cancel goes back) or required after a reset (the
 * other way out is to sign out).
 */
public final class ChangePasswordView {
  private final StackPane root = new StackPane();

  public ChangePasswordView(
      ChangePasswordViewModel vm,
      Messages m,
      boolean required,
      Runnable onChanged,
      Runnable onCancel) {
    Label title = new Label(m.get(required ? "password.title.required" : "password.title"));
    title.getStyleClass().add("title-2");
    Label intro = new Label(m.get(required ? "password.intro.required" : "password.intro"));
    intro.setWrapText(true);
    PasswordField current = field("password-current", vm.current());
    PasswordField fresh = field("password-new", vm.fresh());
    PasswordField confirm = field("password-confirm", vm.confirm());
    Label advice = new Label();
    advice.setId("password-advice");
    advice.setWrapText(true);
    advice.getStyleClass().addAll("text-muted", "text-small");
    advice.textProperty().bind(vm.advice());
    Label error = new Label();
    error.setId("password-error");
    error.setWrapText(true);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.error());
    Button cancel = new Button(m.get(required ? "password.signOut" : "password.cancel"));
    cancel.setId("password-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> onCancel.run());
    Button save = new Button(m.get("password.save"));
    save.setId("password-save");
    save.setDefaultButton(true);
    save.getStyleClass().add("accent");
    save.disableProperty().bind(vm.valid().not());
    save.setOnAction(e -> vm.submit(onChanged));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, spacer, cancel, save);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox card =
        new VBox(
            8,
            title,
            intro,
            SignInView.label(m.get("password.current"), current),
            current,
            SignInView.label(m.get("password.new"), fresh),
            fresh,
            SignInView.label(m.get("password.confirm"), confirm),
            confirm,
            advice,
            error,
            buttons);
    card.getStyleClass().add("setup-card");
    card.setMaxWidth(480);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    card.setPadding(new Insets(24));
    root.getChildren().add(card);
    root.getStyleClass().add("setup-backdrop");
    Platform.runLater(current::requestFocus);
  }

  private static PasswordField field(String id, javafx.beans.property.StringProperty p) {
    PasswordField f = new PasswordField();
    f.setId(id);
    f.textProperty().bindBidirectional(p);
    return f;
  }

  public Parent node() {
    return root;
  }
}
