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
    return false;
  }

  @Override
  protected int run(Services services) {
    OfficeKind k = OfficeKind.parse(kind);
    Office office;
    if (services.signIn().noAccountYet()) {
      String login = root().login();
      char[] pw =
          root().readNewPassword("Mot de passe du premier administrateur (" + login + ") : ");
      try {
        services
            .accounts()
            .setUp(name, k, organisation, FirstAdminCommand.draft(login, firstName, lastName), pw);
      } finally {
        Arrays.fill(pw, '\0');
      }
      office = services.offices().current().orElseThrow();
      out().printf("First administrator: %s%n", login);
    } else {
      root().signIn(services, "init", false);
      office = services.offices().init(name, k, organisation);
    }
    out()
        .printf(
            "Office \"%s\" (%s, organisation \"%s\") set up in %s%n",
            office.name(), office.kind(), office.organisation(), services.db().dataDir());
    return 0;
  }
}
