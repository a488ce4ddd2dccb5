package fr.passerelle.cli;

import fr.passerelle.app.ServerMove;
import fr.passerelle.app.Services;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerCopy;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "migrate",
    description =
        "Move this embedded installation to an empty database on the office's PostgreSQL server"
            + " (docs/office-server.md): every row copied, the row counts and the sync digest"
            + " compared, then the data folder switched to the server and the embedded file moved"
            + " aside. An administrator signs in; then the database user's password is asked (with"
            + " --password-stdin: the account's password the first line, the server's the second).")
final class MigrateCommand extends ServiceCommand {
  @Option(
      names = "--to",
      required = true,
      paramLabel = "postgresql://HOST:PORT/DB",
      description = "The office's PostgreSQL database, empty.")
  String to;

  @Option(
      names = "--db-user",
      required = true,
      paramLabel = "USER",
      description = "The PostgreSQL user Passerelle connects as.")
  String dbUser;

  @Override
  protected boolean keepsSignInPassword() {
    return true; // a clear installation's new key slots are wrapped with it
  }

  @Override
  protected int run(Services services) {
    OfficeServer server = OfficeServer.parse(to, dbUser);
    char[] account = root().takeSignInPassword();
    char[] serverPassword = null;
    try {
      serverPassword =
          root().readPassword("Mot de passe de " + dbUser + " sur " + server.address() + " : ");
      err().println("Copying to " + server.address() + "...");
      err().flush();
      ServerMove.Moved moved =
          new ServerMove(root().vault()).move(services, account, server, serverPassword);
      print(out(), moved.copy());
      out().printf("Copied and checked in %.1f s.%n", moved.copy().millis() / 1000.0);
      out()
          .printf(
              "This data folder now uses %s; the embedded database was moved into %s.%n",
              server.address(), moved.aside());
      if (moved.recoveryKey() != null) {
        showServerRecoveryKey(moved.recoveryKey());
      }
      return 0;
    } catch (ServerMove.Differs e) {
      print(err(), e.result());
      throw e;
    } finally {
      if (account != null) {
        Arrays.fill(account, '\0');
      }
      if (serverPassword != null) {
        Arrays.fill(serverPassword, '\0');
      }
    }
  }

  /** Rows per table and the sync digest, embedded and on the server. */
  static void print(PrintWriter out, ServerCopy.Result r) {
    out.printf("%-32s %12s %12s%n", "table", "embedded", "server");
    for (String t : new TreeSet<>(r.before().keySet())) {
      out.printf("%-32s %,12d %,12d%n", t, r.before().get(t), r.after().getOrDefault(t, -1L));
    }
    out.println("sync digest, embedded: " + r.digestBefore());
    out.println("sync digest, server:   " + r.digestAfter());
  }
}
