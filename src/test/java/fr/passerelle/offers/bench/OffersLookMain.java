package fr.passerelle.offers.bench;

import javafx.application.Application;

/** Launcher that does not extend Application (JavaFX on the class path). */
public final class OffersLookMain {
  private OffersLookMain() {}

  public static void main(String[] args) {
    Application.launch(OffersLook.class, args);
  }
}
