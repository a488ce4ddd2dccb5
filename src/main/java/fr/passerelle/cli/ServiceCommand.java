package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A verb that works on the services of the data folder: opens them, runs, closes them. */
public abstract class ServiceCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  /** The root command, whatever the nesting depth. */
  protected PasserelleCommand root() {
    Object cmd = spec.root().userObject();
    return (PasserelleCommand) cmd;
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public final Integer call() throws Exception {
    String command = spec.qualifiedName(" ").replaceFirst("^passerelle ", "");
    Services opened;
    if (signsIn()) {
      Vault.Opened o = root().openSignedIn(command, keepsSignInPassword(), err());
      if (o.recoveryKey() != null) {
        // converted at this first sign-in after the upgrade, by an administrator
        err()
            .println(
                "The database of this installation is now encrypted. Its recovery key, shown this"
                    + " once (print it and keep it in the office safe):");
        err().println("  " + o.recoveryKey().display());
        err().flush();
      }
      opened = o.services();
    } else {
      opened = openSignedOut();
    }
    try (Services services = opened) {
      int code = run(services);
      out().flush();
      return code;
    }
  }

  /**
   * Encrypts a new installation's database once its first administrator exists (signed in with
   * {@code password}), and prints the recovery key, this once. {@code services} is closed.
   */
  protected void encryptAfterSetUp(Services services, char[] password) {
    Vault vault = root().vault();
    if (!vault.encrypts()) {
      return;
    }
    try (Vault.Opened o =
        vault.encrypt(
            services, password, spec.qualifiedName(" ").replaceFirst("^passerelle ", ""))) {
      out().println("The database is encrypted. Recovery key, shown this once:");
      out().println("  " + o.recoveryKey().display());
      out()
          .println(
              "Print it and keep it in the office safe: it opens the database when no password is"
                  + " known (passerelle accounts recover).");
    }
  }

  /**
   * Says that the office server's password is kept sealed, and shows the recovery key made for it,
   * this once.
   */
  protected void showServerRecoveryKey(fr.passerelle.security.keys.RecoveryKey recovery) {
    out().println("The office server's password is kept sealed. Recovery key, shown this once:");
    out().println("  " + recovery.display());
    out()
        .println(
            "Print it and keep it in the office safe: it opens this workstation's access to the"
                + " office database when no password is known (passerelle accounts recover).");
  }

  /** Opens the services with nobody signed in (the set-up of the first account). */
  protected Services openSignedOut() {
    return root().openServices(err());
  }

  /** True when the command runs as an account (all but the set-up of the first one). */
  protected boolean signsIn() {
    return true;
  }

  /** True for the command that changes the account's own password (it needs the current one). */
  protected boolean keepsSignInPassword() {
    return false;
  }

  /** The verb's work; returns the exit code. */
  protected abstract int run(Services services) throws Exception;

  /** Unused marker so that picocli injects nested parents too. */
  @ParentCommand Object parent;
}
