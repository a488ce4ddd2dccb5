package fr.passerelle.meetings.ui;

import java.nio.file.Path;
import java.util.Optional;

/** The Meetings view's system dialogs for tests that open none: no file, no folder, no. */
final class NoMeetingDialogs implements MeetingDialogs {
  static final NoMeetingDialogs INSTANCE = new NoMeetingDialogs();

  private NoMeetingDialogs() {}

  @Override
  public Optional<Path> saveFile(
      javafx.stage.Window owner, String title, String initialName, String ext) {
    return Optional.empty();
  }

  @Override
  public Optional<Path> chooseFolder(javafx.stage.Window owner, String title) {
    return Optional.empty();
  }

  @Override
  public boolean confirm(javafx.stage.Window owner, String title, String text, String ok) {
    return false;
  }
}
