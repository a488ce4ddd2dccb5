package fr.passerelle.candidates.ui;

/** Launcher that does not extend Application (JavaFX on the class path). Args: DATA_DIR OUT_DIR. */
public final class CandidatesScreenshotsLauncher {
  private CandidatesScreenshotsLauncher() {}

  public static void main(String[] args) {
    javafx.application.Application.launch(CandidatesScreenshots.class, args);
  }
}
