package fr.passerelle.app;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerCopy;
import fr.passerelle.search.LuceneSearchIndex;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.security.keys.RecoveryKey;
import fr.passerelle.sync.SyncDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Moves an embedded installation to the office's PostgreSQL server (issue 15 item 4, ADR 0183):
 * {@code passerelle migrate --to postgresql://…}. An administrator signed in on the embedded
 * database; the target must be empty. The schema is made by the same migrations, every row copied
 * in one transaction ({@link ServerCopy}), the row counts and the sync digest compared before the
 * commit; only when they are equal is the data folder switched to the server: {@code
 * passerelle.server} written (the password sealed with the installation's file key, as {@code init
 * --database} does), the H2 file moved aside into {@code before-server-<date>/}.
 */
public final class ServerMove {
  /** The folder (in the data folder) the embedded database is moved into, then its date. */
  public static final String ASIDE_PREFIX = "before-server-";

  private static final DateTimeFormatter STAMP = fr.passerelle.core.DateFormats.FILE_STAMP;

  /**
   * What the move did: the copy's figures, where the H2 file went, a new recovery key (or null).
   */
  public record Moved(ServerCopy.Result copy, Path aside, RecoveryKey recoveryKey) {}

  /** The copy differs from the embedded database: nothing switched, the server's tables dropped. */
  public static final class Differs extends UserFacingException {
    private final transient ServerCopy.Result result;

    Differs(OfficeServer server, ServerCopy.Result result) {
      super(
          2,
          "The copy on "
              + server.address()
              + " differs from the embedded database (row counts or sync digest): nothing was"
              + " switched, the server's tables were removed.");
      keyed("cli.error.migrateDiffers", server.address());
      this.result = result;
    }

    /** The counts and digests compared. */
    public ServerCopy.Result result() {
      return result;
    }
  }

  private final Vault vault;

  public ServerMove(Vault vault) {
    this.vault = vault;
  }

  /**
   * Moves the embedded installation of {@code signedIn} (an administrator signed in with {@code
   * accountPassword}) into the empty database of {@code server}, reached with {@code
   * serverPassword}. {@code signedIn} is closed when this returns normally. Refused, nothing
   * changed in the data folder nor on the server: an installation already on a server, a non-empty
   * target, counts or digests that differ after the copy.
   */
  public Moved move(
      Services signedIn, char[] accountPassword, OfficeServer server, char[] serverPassword) {
    signedIn.access().require(Permission.BACKUP_MANAGE);
    Database db = signedIn.db();
    if (db.onServer()) {
      throw new DatabaseException(
          "This installation is already on the office server "
              + db.where()
              + ": there is nothing to migrate.");
    }
    Path dataDir = db.dataDir();
    // audited first, so that the entry is part of what is copied (and of the kept H2 file)
    signedIn
        .access()
        .audit()
        .record(AuditAction.EXPORT, null, server.address(), "installation déplacée sur le serveur");
    ServerCopy.Result result;
    try (ServerCopy target = ServerCopy.claim(server, serverPassword)) {
      try {
        Path scratch = db.tempDir().resolve("migrate");
        Database.open(scratch, server, serverPassword).close(); // the schema, by the migrations
        result = target.copy(db, SyncDigest::compute);
      } catch (RuntimeException e) {
        target.undo();
        throw e;
      }
      if (!result.equal()) {
        target.undo();
        throw new Differs(server, result);
      }
    }
    RecoveryKey recovery = keepServer(signedIn, accountPassword, server, serverPassword);
    boolean encrypted = signedIn.keys().encrypted();
    java.time.LocalDateTime at = signedIn.clock().localNow(); // the office's zone: in the database
    signedIn.close();
    Path aside = moveAside(dataDir, encrypted, at);
    return new Moved(result, aside, recovery);
  }

  /**
   * Writes {@code passerelle.server}: the password sealed with the file key of an encrypted
   * installation (its key slots stay as they are), or, for a clear one, with a new file key wrapped
   * in fresh key slots (a recovery key made, returned to be shown once).
   */
  private RecoveryKey keepServer(
      Services signedIn, char[] accountPassword, OfficeServer server, char[] serverPassword) {
    if (!signedIn.keys().encrypted()) {
      return vault.keepServer(signedIn, accountPassword, server, serverPassword);
    }
    char[] key = signedIn.keys().h2FilePassword();
    try {
      server.write(signedIn.db().dataDir(), serverPassword, key);
    } finally {
      Arrays.fill(key, '\0');
    }
    return null;
  }

  /**
   * Moves the H2 files (closed) into {@code before-server-<date>/}, with a copy of the key slots
   * that open an encrypted one; the clear search index made from a clear database is deleted (the
   * server installation's index is encrypted, rebuilt at the first search).
   */
  private static Path moveAside(Path dataDir, boolean encrypted, java.time.LocalDateTime at) {
    Path aside = dataDir.resolve(ASIDE_PREFIX + STAMP.format(at));
    try {
      Files.createDirectories(aside);
      for (String f : List.of(Database.FILE_NAME + ".mv.db", Database.FILE_NAME + ".trace.db")) {
        Path p = dataDir.resolve(f);
        if (Files.exists(p)) {
          Files.move(p, aside.resolve(f), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      if (encrypted) {
        Files.copy(
            dataDir.resolve(Database.KEYS_FILE),
            aside.resolve(Database.KEYS_FILE),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "The installation is on the server now, but its embedded file could not be moved into "
              + aside
              + ": "
              + e.getMessage()
              + ". Move passerelle.mv.db out of the data folder by hand.",
          e);
    }
    if (!encrypted) {
      LuceneSearchIndex.discard(dataDir);
    }
    return aside;
  }
}
