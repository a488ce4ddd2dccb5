package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.BackupService;
import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import fr.passerelle.security.Principal;
import fr.passerelle.security.SignInException;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.sync.InstallationBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    description =
        "Replace the database by a backup of this installation. The installation gets a new"
            + " replica id; the previous database is kept beside it. A backup of another office is"
            + " refused unless --move-installation is given. An encrypted backup that this"
            + " folder's key does not open (another workstation) is opened with a password of the"
            + " installation that made it (--backup-user), whose key slots it carries.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--move-installation",
      description =
          "Move the backup's installation to this data folder (a new workstation): its office"
              + " replaces this folder's, whose database and keys are set aside.")
  boolean move;

  @Option(
      names = "--keys",
      paramLabel = "KEYS",
      description =
          "The sync-keys.json of the installation that made the backup, to keep its partners'"
              + " trust (without it, the installation gets new keys).")
  Path keys;

  @Option(
      names = "--backup-user",
      paramLabel = "LOGIN",
      description =
          "An account of the installation that made an encrypted backup, when this folder's key"
              + " does not open it (another workstation): its password is asked (or read from the"
              + " next line of standard input with --password-stdin). Default: --user.")
  String backupUser;

  @Override
  public Integer call() {
    PasserelleCommand root = (PasserelleCommand) spec.root().userObject();
    Principal who = null;
    KeyRing fileKey = KeyRing.clear();
    if (root.vault().encrypted(root.dataDir())) {
      // an encrypted folder (ADR 0110): an administrator's sign-in opens it, and its file key
      // opens this installation's encrypted backups (or encrypts one made before the encryption)
      try (Vault.Opened o = root.openSignedIn("restore", false)) {
        o.services().backups().checkRestore(file);
        who = o.services().access().principal().orElseThrow();
        fileKey = o.services().keys();
      }
    } else if (java.nio.file.Files.exists(root.dataDir().resolve(Database.FILE_NAME + ".mv.db"))) {
      try (Services s = root.openServices()) {
        if (!s.signIn().noAccountYet()) {
          root.signIn(s, "restore", false);
          s.backups().checkRestore(file);
          who = s.access().principal().orElseThrow();
        }
      }
    }
    char[] filePassword = fileKey.h2FilePassword();
    InstallationBackup.Restored r;
    try {
      r =
          InstallationBackup.restore(
              root.dataDir(), file, move, keys, filePassword, null, WallClock.system());
    } catch (InvalidInputException e) {
      if (!openedByAnotherKey(e)
          || !(move
              || !java.nio.file.Files.exists(
                  root.dataDir().resolve(Database.FILE_NAME + ".mv.db")))) {
        // another installation's backup into this one's folder: refused (ADR 0087), unless moved
        throw e;
      }
      // an encrypted backup this folder's key does not open (ADR 0146): the key slots it carries
      // open it with a password of the installation that made it, and come with it
      fileKey = unlockBackup(root);
      char[] own = fileKey.h2FilePassword();
      try {
        r =
            InstallationBackup.restore(
                root.dataDir(),
                file,
                move,
                keys,
                filePassword,
                new BackupService.OwnKey(own, BackupService.requireKeySlots(file)),
                WallClock.system());
      } finally {
        java.util.Arrays.fill(own, '\0');
      }
    } finally {
      if (filePassword != null) {
        java.util.Arrays.fill(filePassword, '\0');
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Restored "
            + file
            + " into "
            + root.dataDir()
            + (r.office() == null
                ? ""
                : ": office \"" + r.office() + "\" (" + r.organisation() + ")")
            + "; new replica id "
            + r.replicaId()
            + " (partners will do one full exchange with it).");
    r.keysSetAside()
        .ifPresent(
            p -> out.println("This folder's previous sync keys were set aside as " + p + "."));
    out.println(
        r.fingerprint()
            .map(f -> "Sync keys: fingerprint " + f + ".")
            .orElse(
                "No sync keys in this folder: new ones are made at the first sync; partners must"
                    + " trust this installation's new identity card (sync identity)."));
    try (Services s = root.vault().open(root.dataDir(), fileKey)) {
      s.access().audit().restored(who, file.toAbsolutePath().toString(), r.replicaId());
    }
    return 0;
  }

  /**
   * True when the backup is encrypted under another key than this folder's (or the folder is
   * clear): a backup of another installation, which its own key slots may open.
   */
  private static boolean openedByAnotherKey(InvalidInputException e) {
    return e.key()
        .filter(
            k -> k.equals("backup.error.otherKey") || k.equals("backup.error.encryptedIntoClear"))
        .isPresent();
  }

  /**
   * The key ring of the installation that made the backup, for a password of one of its accounts:
   * refused (nothing restored) when the password does not open one of the slots it carries.
   */
  private KeyRing unlockBackup(PasserelleCommand root) {
    BackupService.requireKeySlots(file); // before a password is asked
    String login = backupUser != null && !backupUser.isBlank() ? backupUser.trim() : root.login();
    char[] pw =
        root.readPassword(
            "Mot de passe de " + login + " (installation qui a fait la sauvegarde) : ");
    try {
      return root.vault().unlockBackup(file, root.dataDir(), login, pw);
    } catch (SignInException refused) {
      throw new UserFacingException(
              refused.exitCode(),
              "This password does not open the backup "
                  + file
                  + " (an account of the installation that made it, with its password at the"
                  + " time of the backup): nothing was restored.",
              refused)
          .keyed("backup.error.wrongBackupPassword", file);
    } finally {
      java.util.Arrays.fill(pw, '\0');
    }
  }
}
