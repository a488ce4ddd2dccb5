package fr.passerelle.printing.ui;

import fr.passerelle.printing.Printing;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * Where and what to print: the document, the printer (the system's default first chosen) and the
 * number of copies, with "Enregistrer le PDF…" beside "Imprimer". Printing then goes straight to
 * the chosen printer, without the system's print dialog (AWT's, which does not mix well with a
 * JavaFX window on macOS and looks foreign on Linux).
 */
public final class PrintDialog {
  /** Print, or save the PDF instead. */
  public enum Action {
    PRINT,
    SAVE_PDF
  }

  /** What the user chose. */
  public record Request<D>(Action action, D document, String printer, int copies) {}

  private PrintDialog() {}

  /**
   * Shows the dialog through {@code dialogs} (owned by the window; id {@code print-dialog}); empty
   * when cancelled. {@code choices} must name at least one printer.
   */
  public static <D> Optional<Request<D>> show(
      DialogService dialogs,
      Messages m,
      Printing.Choices choices,
      List<D> documents,
      D preselected,
      Function<D, String> label) {
    return dialogs.show("print-dialog", () -> dialog(m, choices, documents, preselected, label));
  }

  private static <D> Dialog<Request<D>> dialog(
      Messages m,
      Printing.Choices choices,
      List<D> documents,
      D preselected,
      Function<D, String> label) {
    Dialog<Request<D>> dialog = new Dialog<>();
    dialog.setTitle(m.get("printing.dialog.title"));
    dialog.setHeaderText(m.get("printing.dialog.title"));
    ButtonType print = new ButtonType(m.get("printing.dialog.print"), ButtonBar.ButtonData.OK_DONE);
    ButtonType save = new ButtonType(m.get("printing.dialog.savePdf"), ButtonBar.ButtonData.LEFT);
    dialog.getDialogPane().getButtonTypes().setAll(print, save, ButtonType.CANCEL);

    ChoiceBox<D> document = new ChoiceBox<>();
    document.setId("printDocument");
    document.getItems().setAll(documents);
    document.setValue(preselected);
    document.setConverter(converter(label));
    ChoiceBox<String> printer = new ChoiceBox<>();
    printer.setId("printPrinter");
    printer.getItems().setAll(choices.printers());
    printer.setValue(choices.defaultPrinter().orElse(choices.printers().get(0)));
    printer.setConverter(
        converter(
            n ->
                choices.defaultPrinter().filter(n::equals).isPresent()
                    ? m.get("printing.dialog.default", n)
                    : n));
    Spinner<Integer> copies = new Spinner<>(1, 50, 1);
    copies.setId("printCopies");
    copies.setEditable(true);

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(10));
    grid.addRow(0, new Label(m.get("printing.dialog.document")), document);
    grid.addRow(1, new Label(m.get("printing.dialog.printer")), printer);
    grid.addRow(2, new Label(m.get("printing.dialog.copies")), copies);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().setId("print-dialog");
    dialog.getDialogPane().lookupButton(print).setId("printGo");
    dialog.getDialogPane().lookupButton(save).setId("printSavePdf");
    dialog.setResultConverter(
        b ->
            b == print || b == save
                ? new Request<>(
                    b == print ? Action.PRINT : Action.SAVE_PDF,
                    document.getValue(),
                    printer.getValue(),
                    copies.getValue())
                : null);
    return dialog;
  }

  private static <T> StringConverter<T> converter(Function<T, String> label) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : label.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
