package fr.passerelle.cli;

import fr.passerelle.app.ServerSetUp;
import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.db.OfficeServer;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "join",
    description =
        "Join this workstation to the office's installation on a PostgreSQL server"
            + " (docs/office-server.md): the data folder must hold no installation. The database"
            + " user's password is asked, then the password of the --user account (an account of"
            + " the office; with --password-stdin: the first line, then the second). The key slots"
            + " kept on the server open with the account's password; the server's password is kept"
            + " sealed in the data folder, as on the first workstation.")
final class JoinCommand extends ServiceCommand {
  @Option(
      names = "--database",
      required = true,
      paramLabel = "postgresql://HOST:PORT/DB",
      description = "The office's PostgreSQL database, set up from a first workstation.")
  String database;

  @Option(
      names = "--db-user",
      required = true,
      paramLabel = "USER",
      description = "The PostgreSQL user Passerelle connects as.")
  String dbUser;

  private OfficeServer server;

  @Override
  protected boolean signsIn() {
    return false; // the account signs in on the server's key slots below
  }

  @Override
  protected Services openSignedOut() {
    server = OfficeServer.parse(database, dbUser);
    String login = root().login();
    char[] serverPassword =
        root().readPassword("Mot de passe de " + dbUser + " sur " + server.address() + " : ");
    char[] password = null;
    try {
      password = root().readAccountPassword(login);
      Vault.Opened o =
          new ServerSetUp(root().vault())
              .join(root().dataDir(), server, serverPassword, login, password);
      return o.services();
    } finally {
      Arrays.fill(serverPassword, '\0');
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  @Override
  protected int run(Services services) {
    String office = services.offices().current().map(o -> o.name()).orElse("?");
    out()
        .printf(
            "This workstation joined the office \"%s\" on %s (data folder %s).%n",
            office, server.address(), root().dataDir());
    return 0;
  }
}
