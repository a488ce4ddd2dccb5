package fr.passerelle;

import fr.passerelle.cli.PasserelleCommand;
import fr.passerelle.ui.shell.PasserelleApp;

/**
 * Entry point: no command opens the window, otherwise the command line. Does not extend
 * Application, so that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(PasserelleCommand.run(args, System.getenv(), PasserelleApp::launch, null, null));
  }
}
