package fr.passerelle.cli;

import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.app.Services;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "first-admin",
    description =
        "Create the first administrator (the --user account) of an installation set up before"
            + " accounts existed. Refused once any account exists.")
final class FirstAdminCommand extends ServiceCommand {
  @Option(names = "--first-name")
  String firstName;

  @Option(names = "--last-name")
  String lastName;

  @Override
  protected boolean signsIn() {
    return false;
  }

  @Override
  protected int run(Services services) {
    String login = root().login();
    char[] pw = root().readNewPassword("Mot de passe du premier administrateur (" + login + ") : ");
    try {
      services.accounts().createFirstAdministrator(draft(login, firstName, lastName), pw);
      out().printf("First administrator: %s%n", login);
      encryptAfterSetUp(services, pw);
    } finally {
      Arrays.fill(pw, '\0');
    }
    return 0;
  }

  /** The first administrator: a counselor row too when named (their name signs their work). */
  static AccountDraft draft(String login, String first, String last) {
    boolean named = first != null && !first.isBlank() || last != null && !last.isBlank();
    return new AccountDraft(login, first, last, List.of(), null, named);
  }
}
