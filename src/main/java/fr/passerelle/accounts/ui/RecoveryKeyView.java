package fr.passerelle.accounts.ui;

import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The recovery key of the encrypted database, shown once (after the set-up, or after the conversion
 * of a clear database by an administrator): print it or save it, then confirm it was written down
 * before going on. It is not shown again: a lost key is replaced by a new one ({@code accounts
 * recovery-key}).
 */
public final class RecoveryKeyView {
  private final StackPane root = new StackPane();
  private final Label status = new Label();

  private final DialogService dialogs;

  /** The key {@code key} of {@code office}; "Enregistrer…" asks where through {@code dialogs}. */
  public RecoveryKeyView(
      Messages m, DialogService dialogs, String office, String key, Runnable onDone) {
    this.dialogs = dialogs;
    Label title = new Label(m.get("recovery.title"));
    title.getStyleClass().add("title-2");
    Label intro = new Label(m.get("recovery.intro"));
    intro.setWrapText(true);
    Label shown = new Label(key);
    shown.setId("recovery-key");
    shown.setStyle("-fx-font-family: monospace; -fx-font-size: 20px; -fx-font-weight: bold;");
    shown.setWrapText(true);
    Label advice = new Label(m.get("recovery.advice"));
    advice.setWrapText(true);
    advice.getStyleClass().addAll("text-muted", "text-small");
    Button print = new Button(m.get("recovery.print"));
    print.setId("recovery-print");
    print.setOnAction(e -> print(m, office, key));
    Button save = new Button(m.get("recovery.save"));
    save.setId("recovery-save");
    save.setOnAction(e -> save(m, office, key));
    CheckBox written = new CheckBox(m.get("recovery.written"));
    written.setId("recovery-written");
    written.setWrapText(true);
    status.setId("recovery-status");
    status.setWrapText(true);
    status.getStyleClass().add("text-small");
    Button go = new Button(m.get("recovery.continue"));
    go.setId("recovery-continue");
    go.setDefaultButton(true);
    go.getStyleClass().add("accent");
    go.disableProperty().bind(written.selectedProperty().not());
    go.setOnAction(e -> onDone.run());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox tools = new HBox(8, print, save);
    HBox buttons = new HBox(8, spacer, go);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox card = new VBox(12, title, intro, shown, advice, tools, status, written, buttons);
    card.getStyleClass().add("setup-card");
    card.setMaxWidth(560);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    card.setPadding(new Insets(24));
    root.getChildren().add(card);
    root.getStyleClass().add("setup-backdrop");
  }

  /** The sheet printed or saved: the office, the key, what it is for. */
  static String sheet(Messages m, String office, String key) {
    return m.get("recovery.sheet", office, key);
  }

  private void print(Messages m, String office, String key) {
    PrinterJob job = PrinterJob.createPrinterJob();
    if (job == null) {
      status.setText(m.get("recovery.noPrinter"));
      return;
    }
    if (!job.showPrintDialog(root.getScene().getWindow())) {
      job.cancelJob();
      return;
    }
    Label page = new Label(sheet(m, office, key));
    page.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
    page.setWrapText(true);
    page.setMaxWidth(450);
    boolean ok = job.printPage(new StackPane(page)) && job.endJob();
    status.setText(m.get(ok ? "recovery.printed" : "recovery.printFailed"));
  }

  private void save(Messages m, String office, String key) {
    Path p =
        dialogs
            .saveFile(
                DialogService.FileChoice.of("recovery-key", null)
                    .named("passerelle-cle-de-secours.txt"))
            .orElse(null);
    if (p == null) {
      return;
    }
    try {
      Files.writeString(p, sheet(m, office, key), StandardCharsets.UTF_8);
      status.setText(m.get("recovery.saved", p));
    } catch (IOException e) {
      status.setText(m.get("recovery.saveFailed", p, e.getMessage()));
    }
  }

  public Parent node() {
    return root;
  }
}
