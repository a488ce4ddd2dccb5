package fr.passerelle.meetings.ui;

import fr.passerelle.printing.Printing;
import fr.passerelle.printing.ui.PrintDialog;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The modal questions of the view (file to save, folder, confirmation, what to print): the real
 * ones are the window's {@link DialogService} ({@link #system}); UI tests replace them. A
 * replacement that does not say chooses no folder and prints nothing.
 */
public interface MeetingDialogs {
  Optional<Path> saveFile(Window owner, String title, String initialName, String extension);

  /** A folder to write several files into (the invitation e-mails). */
  default Optional<Path> chooseFolder(Window owner, String title) {
    return Optional.empty();
  }

  /** Asks once, naming what will happen; true to go ahead. */
  boolean confirm(Window owner, String title, String text, String okLabel);

  /** Where and what to print; empty: cancelled. */
  default Optional<PrintDialog.Request<PrintDocument>> askPrint(
      Window owner, Messages m, Printing.Choices choices, PrintDocument preselected) {
    return Optional.empty();
  }

  /** The window's dialogs, {@code dialogs} (owned by its window: {@code owner} is not needed). */
  static MeetingDialogs system(DialogService dialogs) {
    return new MeetingDialogs() {
      @Override
      public Optional<Path> saveFile(
          Window owner, String title, String initialName, String extension) {
        return dialogs.saveFile(
            FileChoice.of("meetings-" + extension, title)
                .named(initialName)
                .filter(extension.toUpperCase(), "*." + extension));
      }

      @Override
      public Optional<Path> chooseFolder(Window owner, String title) {
        return dialogs.chooseFolder("meetings-folder", title);
      }

      @Override
      public boolean confirm(Window owner, String title, String text, String okLabel) {
        return dialogs.confirm(title, text, okLabel);
      }

      @Override
      public Optional<PrintDialog.Request<PrintDocument>> askPrint(
          Window owner, Messages m, Printing.Choices choices, PrintDocument preselected) {
        return PrintDialog.show(
            dialogs,
            m,
            choices,
            List.of(PrintDocument.values()),
            preselected,
            d -> m.get("printing.document." + d.name()));
      }
    };
  }
}
