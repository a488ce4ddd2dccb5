package fr.passerelle.ui.setup;

import fr.passerelle.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The first-start window's part "Où garder les données de l'agence" (ADR 0190): this workstation or
 * the office server, whose address, user and password show only when it is chosen, with "Tester la
 * connexion" and what the test said.
 */
final class ServerChoiceView {
  private final VBox root;

  ServerChoiceView(ServerChoiceViewModel vm, Messages m) {
    Label heading = new Label(m.get("setup.where"));
    heading.getStyleClass().add("title-4");
    ToggleGroup group = new ToggleGroup();
    HBox choices = new HBox(24, heading);
    choices.setAlignment(Pos.BASELINE_LEFT);
    for (ServerChoiceViewModel.Where w : ServerChoiceViewModel.Where.values()) {
      RadioButton r = new RadioButton(m.get("setup.where." + w.name()));
      r.setId("setup-where-" + w.name());
      r.setUserData(w);
      r.setToggleGroup(group);
      r.setSelected(w == vm.whereProperty().get());
      choices.getChildren().add(r);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.whereProperty().set((ServerChoiceViewModel.Where) b.getUserData());
              }
            });

    TextField address = new TextField();
    address.setId("setup-server-address");
    address.setPromptText(m.get("setup.server.address.prompt"));
    address.textProperty().bindBidirectional(vm.addressProperty());
    TextField user = new TextField();
    user.setId("setup-server-user");
    user.textProperty().bindBidirectional(vm.userProperty());
    PasswordField password = new PasswordField();
    password.setId("setup-server-password");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    Button test = new Button(m.get("setup.server.test"));
    test.setId("setup-server-test");
    test.disableProperty().bind(vm.errorProperty().isNotEmpty().or(vm.testingProperty()));
    test.setOnAction(e -> vm.test());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.testingProperty());

    VBox addressBox = field(m.get("setup.server.address"), address);
    HBox.setHgrow(addressBox, Priority.ALWAYS);
    VBox userBox = field(m.get("setup.server.user"), user);
    userBox.setPrefWidth(150);
    VBox passwordBox = field(m.get("setup.server.password"), password);
    passwordBox.setPrefWidth(200);
    HBox testBox = new HBox(6, test, busy);
    testBox.setAlignment(Pos.BOTTOM_LEFT);
    HBox fields = new HBox(8, addressBox, userBox, passwordBox, testBox);
    fields.setAlignment(Pos.BOTTOM_LEFT);

    Label result = new Label();
    result.setId("setup-server-result");
    result.setWrapText(true);
    result.textProperty().bind(vm.resultProperty());
    vm.outcomeProperty()
        .addListener(
            (o, a, b) -> {
              result.getStyleClass().removeAll("danger", "success");
              if (b == ServerChoiceViewModel.Outcome.REFUSED) {
                result.getStyleClass().add("danger");
              } else if (b == ServerChoiceViewModel.Outcome.READY
                  || b == ServerChoiceViewModel.Outcome.JOINABLE) {
                result.getStyleClass().add("success");
              }
            });
    Label hint = new Label(m.get("setup.where.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().addAll("text-muted", "text-small");

    VBox server = new VBox(6, hint, fields, result, joinPart(vm, m));
    server.visibleProperty().bind(vm.whereProperty().isEqualTo(ServerChoiceViewModel.Where.SERVER));
    server.managedProperty().bind(server.visibleProperty());
    root = new VBox(6, choices, server);
    root.setVisible(vm.offered());
    root.setManaged(vm.offered());
  }

  Node node() {
    return root;
  }

  /** The account that joins the office's installation, shown once the test found it. */
  private static Node joinPart(ServerChoiceViewModel vm, Messages m) {
    TextField login = new TextField();
    login.setId("setup-join-login");
    login.textProperty().bindBidirectional(vm.joinLoginProperty());
    PasswordField password = new PasswordField();
    password.setId("setup-join-password");
    password.textProperty().bindBidirectional(vm.joinPasswordProperty());
    VBox loginBox = field(m.get("setup.join.login"), login);
    loginBox.setPrefWidth(220);
    VBox passwordBox = field(m.get("setup.join.password"), password);
    passwordBox.setPrefWidth(260);
    HBox fields = new HBox(8, loginBox, passwordBox);
    fields.setAlignment(Pos.BOTTOM_LEFT);
    Label hint = new Label(m.get("setup.join.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().addAll("text-muted", "text-small");
    VBox part = new VBox(6, fields, hint);
    part.visibleProperty().bind(vm.joiningProperty());
    part.managedProperty().bind(part.visibleProperty());
    // the test found the installation: the account is what is asked next
    vm.joiningProperty()
        .addListener(
            (o, was, is) -> {
              if (is) {
                javafx.application.Platform.runLater(login::requestFocus);
              }
            });
    return part;
  }

  private static VBox field(String text, Node target) {
    Label l = new Label(text);
    l.getStyleClass().add("field-label");
    l.setLabelFor(target);
    l.setMnemonicParsing(true);
    return new VBox(4, l, target);
  }
}
