package fr.passerelle.core;

/** Long work stopped at the user's request; whatever it did was rolled back. */
public class CancelledException extends RuntimeException {
  public CancelledException() {
    super("Cancelled: nothing was changed.");
  }
}
