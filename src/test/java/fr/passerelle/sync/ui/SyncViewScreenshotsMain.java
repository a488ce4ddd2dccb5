package fr.passerelle.sync.ui;

/** Launcher that does not extend Application (JavaFX on the class path). */
public final class SyncViewScreenshotsMain {
  private SyncViewScreenshotsMain() {}

  public static void main(String[] args) throws Exception {
    SyncViewScreenshots.main(args);
  }
}
