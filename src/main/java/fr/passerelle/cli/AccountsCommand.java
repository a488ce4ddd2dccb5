package fr.passerelle.cli;

import picocli.CommandLine.Command;

@Command(
    name = "accounts",
    description = "Named accounts and their roles (administrators); one's own password.",
    subcommands = {
      AccountsCommand.ListCmd.class,
      AccountsCommand.AddCmd.class,
      AccountsCommand.RolesCmd.class,
      AccountsCommand.DisableCmd.class,
      AccountsCommand.EnableCmd.class,
      AccountsCommand.ResetPasswordCmd.class,
      AccountsCommand.UnlockCmd.class,
      AccountsCommand.PasswdCmd.class,
      FirstAdminCommand.class,
      AccountsCommand.IdleLockCmd.class,
      AccountsCommand.RecoveryKeyCmd.class,
      AccountsCommand.RecoverCmd.class
    })
final class AccountsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "Missing accounts command: list, add, roles, disable, enable, reset-password, unlock,"
            + " passwd, first-admin or idle-lock.");
  }

  @Command(name = "list", description = "Every account: login, name, roles, state.")
  static final class ListCmd extends ServiceCommand {
    @picocli.CommandLine.Option(names = "--json")
    boolean json;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var accounts = services.accounts().list();
      if (json) {
        java.util.List<java.util.Map<String, Object>> list = new java.util.ArrayList<>();
        for (var a : accounts) {
          java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("id", a.id());
          m.put("login", a.login());
          m.put("firstName", a.firstName());
          m.put("lastName", a.lastName());
          m.put("counselorId", a.counselorId());
          m.put("roles", a.roles());
          m.put("disabled", a.disabled());
          m.put("mustChangePassword", a.mustChange());
          m.put("lockedUntil", a.lockedUntil() == null ? null : a.lockedUntil().toString());
          m.put("lastSignInAt", a.lastSignInAt() == null ? null : a.lastSignInAt().toString());
          list.add(m);
        }
        Json.print(out(), list);
        return 0;
      }
      for (var a : accounts) {
        out()
            .printf(
                "%-16s %-28s %s%s%s%n",
                a.login(),
                a.displayName(),
                String.join(",", a.roles()),
                a.disabled() ? " DISABLED" : "",
                a.lockedUntil() != null ? " LOCKED until " + a.lockedUntil() : "");
      }
      return 0;
    }
  }

  /** Options naming an account's roles. */
  static final class RoleOptions {
    @picocli.CommandLine.Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "ADMINISTRATOR, COUNSELOR, MANAGER or READ_ONLY (repeat for several).")
    java.util.List<String> roles;

    java.util.List<String> upper() {
      return roles.stream().map(r -> r.trim().toUpperCase(java.util.Locale.ROOT)).toList();
    }
  }

  @Command(
      name = "add",
      description =
          "Create an account with a temporary password (asked, or the next line of standard input"
              + " with --password-stdin); the person chooses their own at first sign-in.")
  static final class AddCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @picocli.CommandLine.Mixin RoleOptions roles;

    @picocli.CommandLine.Option(names = "--first-name")
    String firstName;

    @picocli.CommandLine.Option(names = "--last-name")
    String lastName;

    @picocli.CommandLine.Option(
        names = "--counselor",
        description =
            "Also create the office's counselor row with this name (a counselor's name"
                + " appears on what they create).")
    boolean counselor;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      char[] pw = root().readNewPassword("Mot de passe provisoire de " + login + " : ");
      try {
        var a =
            services
                .accounts()
                .create(
                    new fr.passerelle.accounts.AccountDraft(
                        login, firstName, lastName, roles.upper(), null, counselor),
                    pw);
        out().printf("Account %s created (%s).%n", a.login(), String.join(",", a.roles()));
      } finally {
        java.util.Arrays.fill(pw, '\0');
      }
      return 0;
    }
  }

  @Command(name = "roles", description = "Replace an account's roles.")
  static final class RolesCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @picocli.CommandLine.Mixin RoleOptions roles;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var a = services.accounts().byLogin(login);
      a = services.accounts().setRoles(a.id(), roles.upper());
      out().printf("%s: %s%n", a.login(), String.join(",", a.roles()));
      return 0;
    }
  }

  @Command(name = "disable", description = "Disable an account: it can no longer sign in.")
  static final class DisableCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var a = services.accounts().byLogin(login);
      services.accounts().setDisabled(a.id(), true);
      out().printf("%s disabled.%n", a.login());
      return 0;
    }
  }

  @Command(name = "enable", description = "Enable a disabled account again.")
  static final class EnableCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var a = services.accounts().byLogin(login);
      services.accounts().setDisabled(a.id(), false);
      out().printf("%s enabled.%n", a.login());
      return 0;
    }
  }

  @Command(
      name = "reset-password",
      description =
          "Give a forgotten password a temporary replacement (asked, or the next line of standard"
              + " input); the person chooses their own at the next sign-in.")
  static final class ResetPasswordCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var a = services.accounts().byLogin(login);
      char[] pw = root().readNewPassword("Mot de passe provisoire de " + a.login() + " : ");
      try {
        services.accounts().resetPassword(a.id(), pw);
      } finally {
        java.util.Arrays.fill(pw, '\0');
      }
      out().printf("%s: temporary password set; to be changed at the next sign-in.%n", a.login());
      return 0;
    }
  }

  @Command(name = "unlock", description = "Lift the lock after too many wrong passwords.")
  static final class UnlockCmd extends ServiceCommand {
    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      var a = services.accounts().byLogin(login);
      services.accounts().unlock(a.id());
      out().printf("%s unlocked.%n", a.login());
      return 0;
    }
  }

  @Command(
      name = "passwd",
      description =
          "Change the signed-in account's own password (the new one is asked twice, or read from"
              + " the next line of standard input).")
  static final class PasswdCmd extends ServiceCommand {
    @Override
    protected boolean keepsSignInPassword() {
      return true;
    }

    @Override
    protected int run(fr.passerelle.app.Services services) {
      char[] current = root().takeSignInPassword();
      char[] fresh = root().readNewPassword("Nouveau mot de passe : ");
      try {
        services.signIn().changePassword(current, fresh);
      } finally {
        java.util.Arrays.fill(current, '\0');
        java.util.Arrays.fill(fresh, '\0');
      }
      out().println("Password changed.");
      return 0;
    }
  }

  @Command(
      name = "idle-lock",
      description = "The idle time after which the window locks itself (administrators).")
  static final class IdleLockCmd extends ServiceCommand {
    @picocli.CommandLine.Option(names = "--minutes", required = true)
    int minutes;

    @Override
    protected int run(fr.passerelle.app.Services services) {
      services.accounts().setIdleLock(java.time.Duration.ofMinutes(minutes));
      out().printf("The window locks itself after %d min without use.%n", minutes);
      return 0;
    }
  }

  @Command(
      name = "recovery-key",
      description =
          "Make a new recovery key for the encrypted database (administrators); the previous one no"
              + " longer opens it. Shown this once: print it and keep it in the office safe.")
  static final class RecoveryKeyCmd extends ServiceCommand {
    @Override
    protected int run(fr.passerelle.app.Services services) {
      var key = services.accounts().renewRecoveryKey();
      out().println("New recovery key (the previous one no longer opens the database):");
      out().println("  " + key.display());
      return 0;
    }
  }

  @Command(
      name = "recover",
      description =
          "Every administrator's password forgotten: open the encrypted database with the recovery"
              + " key (asked, or the first line of standard input) and give LOGIN a temporary"
              + " password (asked, or the next line), to change at its next sign-in.")
  static final class RecoverCmd implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Parameters(paramLabel = "LOGIN")
    String login;

    @Override
    public Integer call() {
      PasserelleCommand root = (PasserelleCommand) spec.root().userObject();
      char[] typed = root.readPassword("Clé de secours : ");
      fr.passerelle.security.keys.RecoveryKey key;
      try {
        key = fr.passerelle.security.keys.RecoveryKey.parse(typed);
      } finally {
        java.util.Arrays.fill(typed, '\0');
      }
      try (var services = root.vault().recover(root.dataDir(), key)) {
        char[] pw = root.readNewPassword("Mot de passe provisoire de " + login + " : ");
        try {
          services.accounts().recoverAccess(login, pw);
        } finally {
          java.util.Arrays.fill(pw, '\0');
        }
      }
      spec.commandLine()
          .getOut()
          .printf("%s: temporary password set; to be changed at the next sign-in.%n", login);
      return 0;
    }
  }
}
