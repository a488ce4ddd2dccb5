package fr.passerelle.training.tools;

/** Launcher that does not extend Application (JavaFX on the class path). */
public final class TrainingScreensMain {
  private TrainingScreensMain() {}

  public static void main(String[] args) {
    javafx.application.Application.launch(TrainingScreens.class, args);
  }
}
