package fr.passerelle.accounts.ui;

import fr.passerelle.security.SignInService;
import fr.passerelle.ui.Messages;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sign-in screen shown at start (and after "Changer d'utilisateur"): the office's name, the
 * login and password, and why a try was refused.
 */
public final class SignInView {
  private final StackPane root = new StackPane();

  public SignInView(
      SignInViewModel vm,
      Messages m,
      String office,
      Consumer<SignInService.SignedIn> onSignedIn,
      Runnable onQuit) {
    Label title = new Label(m.get("signIn.title"));
    title.getStyleClass().add("title-2");
    Label where = new Label(office == null || office.isBlank() ? "" : office);
    where.getStyleClass().add("text-muted");
    TextField login = new TextField();
    login.setId("signin-login");
    login.setPromptText(m.get("signIn.login.prompt"));
    login.textProperty().bindBidirectional(vm.login());
    PasswordField password = new PasswordField();
    password.setId("signin-password");
    password.textProperty().bindBidirectional(vm.password());
    Label error = new Label();
    error.setId("signin-error");
    error.setWrapText(true);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.error());
    error.visibleProperty().bind(vm.error().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    Label hint = new Label(m.get("signIn.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().addAll("text-muted", "text-small");
    Button quit = new Button(m.get("signIn.quit"));
    quit.setId("signin-quit");
    quit.setCancelButton(true);
    quit.setOnAction(e -> onQuit.run());
    Button go = new Button(m.get("signIn.submit"));
    go.setId("signin-submit");
    go.setDefaultButton(true);
    go.getStyleClass().add("accent");
    go.disableProperty().bind(vm.ready().not());
    go.setOnAction(e -> vm.submit(onSignedIn));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(vm.busy());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, busy, spacer, quit, go);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox form =
        new VBox(
            8,
            title,
            where,
            label(m.get("signIn.login"), login),
            login,
            label(m.get("signIn.password"), password),
            password,
            error,
            hint,
            buttons);
    form.getStyleClass().add("setup-card");
    form.setId("signin");
    form.setMaxWidth(420);
    form.setMaxHeight(Region.USE_PREF_SIZE);
    form.setPadding(new Insets(24));
    root.getChildren().add(form);
    root.getStyleClass().add("setup-backdrop");
    vm.error().addListener((o, a, b) -> Platform.runLater(() -> (password).requestFocus()));
    Platform.runLater(() -> (vm.login().get().isEmpty() ? login : password).requestFocus());
  }

  public Parent node() {
    return root;
  }

  static Label label(String text, javafx.scene.Node target) {
    Label l = new Label(text);
    l.getStyleClass().add("field-label");
    l.setLabelFor(target);
    l.setMnemonicParsing(true);
    return l;
  }
}
