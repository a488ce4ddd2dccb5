package fr.passerelle.meetings.ui;

/**
 * Entry point for {@link MeetingsScreenshots} (a main class extending Application needs modules).
 */
public final class MeetingsScreenshotsLauncher {
  private MeetingsScreenshotsLauncher() {}

  public static void main(String[] args) {
    MeetingsScreenshots.main(args);
  }
}
