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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * What a locked window shows instead of its content (nothing of the work behind): who is signed in,
 * the password to type again, and "Changer d'utilisateur".
 */
public final class LockView {
  private final StackPane root = new StackPane();

  public LockView(
      LockViewModel vm, Messages m, String who, Runnable onUnlocked, Runnable onSwitchUser) {
    FontIcon icon = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
    icon.setIconSize(36);
    Label title = new Label(m.get("lock.title"));
    title.getStyleClass().add("title-2");
    Label user = new Label(m.get("lock.user", who));
    user.setId("lock-user");
    user.setWrapText(true);
    PasswordField password = new PasswordField();
    password.setId("lock-password");
    password.textProperty().bindBidirectional(vm.password());
    Label error = new Label();
    error.setId("lock-error");
    error.setWrapText(true);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.error());
    error.visibleProperty().bind(vm.error().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    Button other = new Button(m.get("lock.switch"));
    other.setId("lock-switch");
    other.setOnAction(e -> onSwitchUser.run());
    Button unlock = new Button(m.get("lock.unlock"));
    unlock.setId("lock-unlock");
    unlock.setDefaultButton(true);
    unlock.getStyleClass().add("accent");
    unlock.disableProperty().bind(vm.password().isEmpty().or(vm.busy()));
    unlock.setOnAction(e -> vm.unlock(onUnlocked, onSwitchUser));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, other, spacer, unlock);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox card =
        new VBox(
            8,
            icon,
            title,
            user,
            SignInView.label(m.get("signIn.password"), password),
            password,
            error,
            buttons);
    card.getStyleClass().add("setup-card");
    card.setId("lock");
    card.setMaxWidth(420);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    card.setPadding(new Insets(24));
    root.getChildren().add(card);
    root.getStyleClass().add("setup-backdrop");
    Platform.runLater(password::requestFocus);
  }

  public Parent node() {
    return root;
  }
}
