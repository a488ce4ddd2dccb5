package fr.passerelle.cli;

import fr.passerelle.app.ServerSetUp;
import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "init",
    description =
        "Set up this installation's office and its first administrator (the --user account, with"
            + " the roles administrator, counselor and manager; its password is asked, or read with"
            + " --password-stdin). Once accounts exist, an administrator signs in to run it. With"
            + " --database, the office database is on a PostgreSQL server (docs/office-server.md):"
            + " the database user's password is asked first (with --password-stdin: the first line,"
            + " the administrator's the second) and kept sealed in the data folder.")
final class InitCommand extends ServiceCommand {
  @Option(names = "--office-name", required = true, description = "Office name.")
  String name;

  @Option(
      names = "--office-kind",
      required = true,
      description = "FRANCE_TRAVAIL, TEMP_AGENCY or PARTNER.")
  String kind;

  @Option(
      names = "--organisation",
      description =
          "Organisation (default: \"France Travail\" for its offices, else the office name).")
  String organisation;

  @Option(
      names = "--database",
      paramLabel = "postgresql://HOST:PORT/DB",
      description =
          "The office's PostgreSQL database (default: the embedded database of the data folder).")
  String database;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "The PostgreSQL user Passerelle connects as (with --database).")
  String dbUser;

  /** The office server of --database, and the password typed for it (cleared after run). */
  private OfficeServer server;

  private char[] serverPassword;

  @Option(names = "--first-name", description = "The first administrator's first name.")
  String firstName;

  @Option(names = "--last-name", description = "The first administrator's last name.")
  String lastName;

  @Override
  protected boolean signsIn() {
    if (database != null) {
      return false; // a new installation on the office server
    }
    // an encrypted installation has accounts: one signs in to open it
    return root().vault().encrypted(root().dataDir());
  }

  @Override
  protected Services openSignedOut() {
    if (database == null) {
      if (dbUser != null) {
        throw new InvalidInputException("--db-user goes with --database.");
      }
      return super.openSignedOut();
    }
    server = OfficeServer.parse(database, dbUser);
    serverPassword =
        root().readPassword("Mot de passe de " + dbUser + " sur " + server.address() + " : ");
    try {
      return new ServerSetUp(root().vault())
          .openNew(root().dataDir(), server, serverPassword, false);
    } catch (RuntimeException e) {
      Arrays.fill(serverPassword, '\0');
      throw e;
    }
  }

  @Override
  protected int run(Services services) {
    OfficeKind k = OfficeKind.parse(kind);
    Office office;
    java.nio.file.Path dir = services.db().dataDir();
    if (services.signIn().noAccountYet()) {
      String login = root().login();
      char[] pw =
          root().readNewPassword("Mot de passe du premier administrateur (" + login + ") : ");
      try {
        services
            .accounts()
            .setUp(name, k, organisation, FirstAdminCommand.draft(login, firstName, lastName), pw);
        office = services.offices().current().orElseThrow();
        out().printf("First administrator: %s%n", login);
        if (server != null) {
          keepServer(services, pw);
        } else {
          encryptAfterSetUp(services, pw);
        }
      } finally {
        Arrays.fill(pw, '\0');
        if (serverPassword != null) {
          Arrays.fill(serverPassword, '\0');
        }
      }
    } else {
      if (services.access().principal().isEmpty()) {
        root().signIn(services, "init", false);
      }
      office = services.offices().init(name, k, organisation);
    }
    out()
        .printf(
            "Office \"%s\" (%s, organisation \"%s\") set up in %s%n",
            office.name(),
            office.kind(),
            office.organisation(),
            server == null ? dir : server.address() + " (data folder " + dir + ")");
    return 0;
  }

  /** Keeps the office server for the next starts, its password sealed; the recovery key shown. */
  private void keepServer(Services services, char[] pw) {
    showServerRecoveryKey(
        new ServerSetUp(root().vault()).keep(services, pw, server, serverPassword));
  }
}
