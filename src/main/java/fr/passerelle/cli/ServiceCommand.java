package fr.passerelle.cli;

import fr.passerelle.app.Services;
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
    try (Services services = root().openServices(err())) {
      if (signsIn()) {
        root()
            .signIn(
                services,
                spec.qualifiedName(" ").replaceFirst("^passerelle ", ""),
                keepsSignInPassword());
      }
      int code = run(services);
      out().flush();
      return code;
    }
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
