package fr.passerelle.cli;

import fr.passerelle.app.Services;
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
            + " --password-stdin). Once accounts exist, an administrator signs in to run it.")
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

  @Option(names = "--first-name", description = "The first administrator's first name.")
  String firstName;

  @Option(names = "--last-name", description = "The first administrator's last name.")
  String lastName;

  @Override
  protected boolean signsIn() {
    // an encrypted installation has accounts: one signs in to open it
    return root().vault().encrypted(root().dataDir());
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
        encryptAfterSetUp(services, pw);
      } finally {
        Arrays.fill(pw, '\0');
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
            office.name(), office.kind(), office.organisation(), dir);
    return 0;
  }
}
