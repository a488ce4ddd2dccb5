package fr.passerelle.meetings.ui;

import fr.passerelle.printing.Printing;
import fr.passerelle.printing.ui.PrintDialog;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The modal questions of the view (file to save, confirmation); replaced in UI tests. */
public interface MeetingDialogs {
  Optional<Path> saveFile(Window owner, String title, String initialName, String extension);

  /** A folder to write several files into (the invitation e-mails). */
  default Optional<Path> chooseFolder(Window owner, String title) {
    javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
    dc.setTitle(title);
    return Optional.ofNullable(dc.showDialog(owner)).map(java.io.File::toPath);
  }

  /** Asks once, naming what will happen; true to go ahead. */
  boolean confirm(Window owner, String title, String text, String okLabel);

  /** Where and what to print (the real dialog unless a test replaces it); empty: cancelled. */
  default Optional<PrintDialog.Request<PrintDocument>> askPrint(
      Window owner, Messages m, Printing.Choices choices, PrintDocument preselected) {
    return PrintDialog.show(
        owner,
        m,
        choices,
        List.of(PrintDocument.values()),
        preselected,
        d -> m.get("printing.document." + d.name()));
  }

  /** The real dialogs: FileChooser, and the confirmations of the window's {@code questions}. */
  static MeetingDialogs system(DialogService questions) {
    return new MeetingDialogs() {
      @Override
      public Optional<Path> saveFile(
          Window owner, String title, String initialName, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters()
            .add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
      }

      @Override
      public boolean confirm(Window owner, String title, String text, String okLabel) {
        return questions.confirm(title, text, okLabel);
      }
    };
  }
}
