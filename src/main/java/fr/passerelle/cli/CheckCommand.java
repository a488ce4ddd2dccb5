package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.app.WayBack;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.IntegrityCheck;
import fr.passerelle.security.keys.KeyRing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    description = {
      "Check the database: every row read through its table and through each index. Exit code 0:"
          + " sound; 7: damaged (the message names the tables and the ways back).",
      "After a crash that damaged it, --rebuild keeps every row that can still be read and rolls"
          + " back the checkpoint of the interrupted sync import (import its file again);"
          + " --restore-backup puts back the newest automatic backup (data folder, backups/).",
      "Runs as an account (--user): any account for the check; an administrator's for a way back"
          + " while the database can still be opened (a damaged one cannot check a password)."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--rebuild", description = "Rebuild the database from what can still be read.")
  boolean rebuild;

  @Option(
      names = "--restore-backup",
      description = "Put back the newest automatic backup (a new replica id, as any restore).")
  boolean restoreBackup;

  @Override
  public Integer call() {
    PasserelleCommand root = (PasserelleCommand) spec.root().userObject();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.dataDir();
    if (rebuild && restoreBackup) {
      throw new InvalidInputException("Choose one: --rebuild or --restore-backup.");
    }
    if (root.vault().encrypted(dir)) {
      return callEncrypted(root, out, err, dir);
    }
    boolean signedIn = false;
    if (rebuild || restoreBackup) {
      signedIn = administratorIfReadable(root);
    }
    wayBack(dir, KeyRing.clear(), out, err);
    try (Services s = root.openServices(err)) {
      if (!signedIn && !s.signIn().noAccountYet()) {
        root.signIn(s, "check", false);
      }
      return check(s, out, err, dir);
    }
  }

  /**
   * An encrypted database (ADR 0110): the account's key slot opens the file key first, so a way
   * back works even on a file too damaged to open; an administrator's sign-in is required while the
   * database can still check it. The password is read once, for the way back and the check.
   */
  private int callEncrypted(PasserelleCommand root, PrintWriter out, PrintWriter err, Path dir) {
    String login = root.login();
    char[] pw = root.readAccountPassword(login);
    try {
      if (rebuild || restoreBackup) {
        KeyRing keys;
        try (Vault.Opened o = root.vault().signIn(dir, login, pw, "ligne de commande: check")) {
          o.services().backups().checkRestore(dir);
          keys = o.services().keys();
        } catch (Vault.Damaged d) {
          keys = d.keys(); // a damaged database cannot check the account: its slot opened the key
        }
        wayBack(dir, keys, out, err);
      }
      try (Vault.Opened o =
          root.vault()
              .signIn(
                  dir,
                  login,
                  pw,
                  "ligne de commande: check",
                  new StderrProgress(err, "recovery"))) {
        return check(o.services(), out, err, dir);
      } catch (Vault.Damaged d) {
        throw d.damage();
      }
    } finally {
      java.util.Arrays.fill(pw, '\0');
    }
  }

  /** The way back asked for, if any, on the closed folder (its file key in {@code keys}). */
  private void wayBack(Path dir, KeyRing keys, PrintWriter out, PrintWriter err) {
    if (restoreBackup) {
      WayBack.Outcome o = WayBack.restoreLatestBackup(dir, keys);
      out.println(
          "Restored the automatic backup "
              + o.backup().file().getFileName()
              + " ("
              + o.backup().at()
              + "); new replica id "
              + o.newReplica()
              + ". Import again the sync files received since.");
    }
    if (rebuild) {
      WayBack.Outcome o = WayBack.rebuild(dir, keys, new StderrProgress(err, "rebuilding"));
      out.println(
          "Rebuilt the database from what could be read; the damaged file is kept beside it.");
      if (o.importsRestarted() > 0) {
        out.println("The sync import the crash interrupted is applied again from its kept copy.");
      }
      if (o.peersRolledBack() > o.importsRestarted()) {
        out.println(
            "The checkpoint of "
                + (o.peersRolledBack() - o.importsRestarted())
                + " partner(s) was rolled back: import their last file again.");
      }
    }
  }

  /** Reads every table through each index; exit code 0, or 7 with the damage and the ways back. */
  private static int check(Services s, PrintWriter out, PrintWriter err, Path dir) {
    s.db().refuseOnServer("Checking the database's storage");
    try {
      IntegrityCheck.Result r =
          IntegrityCheck.all(s.db().dataSource(), new StderrProgress(err, "checking"));
      if (!r.ok()) {
        s.db().needsCheck(r.damagedTables());
        throw DatabaseDamagedException.of(dir, r);
      }
      out.printf(
          "The database is sound: %d tables, %,d rows read through every index in %.1f s.%n",
          r.tables().size(), r.rows(), r.took().toMillis() / 1000.0);
      out.flush();
      return 0;
    } catch (DatabaseDamagedException e) {
      if (!e.unreadable()) {
        for (IntegrityCheck.Problem p : e.result().problems()) {
          err.println("  " + p);
        }
      }
      throw e;
    }
  }

  /**
   * Before a way back replaces the database: an administrator signs in, if the database can still
   * be opened to check the password (true: signed in). A database too damaged to open cannot check
   * one; its files are then replaced as anyone who can write the data folder could.
   */
  private static boolean administratorIfReadable(PasserelleCommand root) {
    Services s;
    try {
      s = root.openServices();
    } catch (DatabaseDamagedException e) {
      return false;
    }
    try (s) {
      if (s.signIn().noAccountYet()) {
        return false;
      }
      root.signIn(s, "check", false);
      s.backups().checkRestore(root.dataDir());
      return true;
    }
  }
}
