package fr.passerelle.app;

import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerProbe;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.security.keys.KeySlots;
import fr.passerelle.security.keys.RecoveryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Setting an installation up on the office server, or joining one (issue 15, ADR 0150 and 0190):
 * the same code for {@code init --database}, {@code join} and the first-start window. A new
 * installation goes only into a database that holds none (an unfinished set-up excepted); a
 * workstation joins only a database that holds one, with an account's password opening the key
 * slots kept there. Every refusal is said with the address, in English for the command line and by
 * a text key for the window; nothing is written in the data folder then.
 */
public final class ServerSetUp {
  private final Vault vault;

  public ServerSetUp(Vault vault) {
    this.vault = vault;
  }

  /**
   * What the server's database holds ("Tester la connexion"), nothing changed: refused as {@link
   * #openNew} would be when a new installation cannot go there.
   */
  public ServerProbe.Found testForNew(OfficeServer server, char[] password) {
    ServerProbe.Found found = ServerProbe.probe(server, password);
    if (found.installation()) {
      throw holdsAnInstallation(server);
    }
    return refuseUnlessNew(server, found);
  }

  /**
   * "Tester la connexion" of the first-start window, nothing changed: a database holding the
   * office's installation is found joinable ({@link ServerProbe.Found#installation()}; refused when
   * it does not keep its key slots yet), otherwise as {@link #testForNew}.
   */
  public ServerProbe.Found testForNewOrJoin(OfficeServer server, char[] password) {
    ServerProbe.Found found = ServerProbe.probe(server, password);
    return found.installation() ? requireJoinable(server, found) : refuseUnlessNew(server, found);
  }

  private static ServerProbe.Found refuseUnlessNew(OfficeServer server, ServerProbe.Found found) {
    if (!found.empty() && !found.objects().contains("flyway_schema_history")) {
      throw notEmpty(server, found.objects());
    }
    return found;
  }

  /**
   * Opens a new installation on {@code server} for {@code dataDir}, nobody signed in (the set-up of
   * its office and first administrator follows, then {@link #keep}). Refused when the folder
   * already holds an installation ({@code unusedEmbedded}: but the empty embedded file the window
   * made at its start) or the database already holds one or other things.
   */
  public Services openNew(
      Path dataDir, OfficeServer server, char[] password, boolean unusedEmbedded) {
    refuseInstalledFolder(dataDir, unusedEmbedded, "init --database");
    testForNew(server, password);
    return vault.openOnServer(dataDir, server, password);
  }

  /**
   * Keeps the server of the new installation {@code signedIn} (its first administrator signed in
   * with {@code password}): the descriptor with the server password sealed, the key slots in the
   * folder and on the server. Returns the recovery key, to show once.
   */
  public RecoveryKey keep(
      Services signedIn, char[] password, OfficeServer server, char[] serverPassword) {
    return vault.keepServer(signedIn, password, server, serverPassword);
  }

  /**
   * Joins this workstation ({@code dataDir}, holding no installation) to the installation on {@code
   * server}: the key slots kept there opened with {@code login}'s {@code password}, then the
   * descriptor (the server password sealed under the file key) and {@code passerelle.keys} written,
   * and the account signed in on them. Refused, nothing written: a folder that holds an
   * installation, a server unreachable or refusing, a database that holds no installation (or not
   * yet its slots), a wrong password.
   */
  public Vault.Opened join(
      Path dataDir, OfficeServer server, char[] serverPassword, String login, char[] password) {
    return join(dataDir, server, serverPassword, login, password, false);
  }

  /**
   * As {@link #join(Path, OfficeServer, char[], String, char[])}; {@code unusedEmbedded}: but the
   * folder holds the empty embedded database the first-start window made at its start (the caller
   * deletes it once joined, {@link #discardUnusedEmbedded}).
   */
  public Vault.Opened join(
      Path dataDir,
      OfficeServer server,
      char[] serverPassword,
      String login,
      char[] password,
      boolean unusedEmbedded) {
    refuseInstalledFolder(dataDir, unusedEmbedded, "join");
    ServerProbe.Found found = ServerProbe.probe(server, serverPassword);
    if (!found.installation()) {
      throw new DatabaseException(
              "The database at "
                  + server.address()
                  + " holds no Passerelle installation to join: set one up there with init"
                  + " --database (or the first-start window). Nothing was written.")
          .keyed("server.error.noInstallation", server.address());
    }
    requireJoinable(server, found);
    KeyRing ring = vault.unlockShared(found.keySlots(), server.address(), dataDir, login, password);
    char[] key = ring.h2FilePassword();
    try {
      Files.createDirectories(dataDir);
      server.write(dataDir, serverPassword, key);
      ring.writeTo(KeySlots.file(dataDir));
    } catch (IOException e) {
      throw new DatabaseException("Cannot write in the data folder " + dataDir + ": " + e, e);
    } finally {
      java.util.Arrays.fill(key, '\0');
    }
    try {
      return vault.signIn(dataDir, login, password, "join");
    } catch (RuntimeException e) {
      forget(dataDir);
      throw e;
    }
  }

  /**
   * Deletes the empty embedded database the window made at its start, and its search index, once
   * the installation is on the server (the folder's descriptor is what opens from now on).
   */
  public static void discardUnusedEmbedded(Path dataDir) {
    for (String f : List.of(Database.FILE_NAME + ".mv.db", Database.FILE_NAME + ".trace.db")) {
      try {
        Files.deleteIfExists(dataDir.resolve(f));
      } catch (IOException e) {
        throw new DatabaseException("Cannot delete " + dataDir.resolve(f) + ": " + e, e);
      }
    } // its search index too (made under the embedded installation's key: the server's rebuilds it)
    fr.passerelle.search.LuceneSearchIndex.discard(dataDir);
  }

  private static ServerProbe.Found requireJoinable(OfficeServer server, ServerProbe.Found found) {
    if (found.keySlots().isEmpty()) {
      throw new DatabaseException(
              "The installation at "
                  + server.address()
                  + " does not keep its key slots on the server yet: sign in once on a"
                  + " workstation of the office with this version, then join again. Nothing"
                  + " was written.")
          .keyed("server.error.noSlots", server.address());
    }
    return found;
  }

  /** Removes what a failed join wrote. */
  private static void forget(Path dataDir) {
    for (Path f : List.of(dataDir.resolve(OfficeServer.FILE), KeySlots.file(dataDir))) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        System.getLogger(ServerSetUp.class.getName())
            .log(System.Logger.Level.WARNING, "cannot delete " + f, e);
      }
    }
  }

  private static void refuseInstalledFolder(Path dataDir, boolean unusedEmbedded, String verb) {
    boolean installed =
        Files.exists(dataDir.resolve(OfficeServer.FILE))
            || Files.exists(dataDir.resolve(DatabaseEncryption.KEYS_FILE))
            || (!unusedEmbedded && Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db")));
    if (installed) {
      throw new DatabaseException(
              "The data folder "
                  + dataDir
                  + " already holds an installation: "
                  + verb
                  + " sets up a new one (choose another --data-dir).")
          .keyed("server.error.folderInstalled", dataDir.toString());
    }
  }

  private static DatabaseException holdsAnInstallation(OfficeServer server) {
    return new DatabaseException(
            "The database at "
                + server.address()
                + " already holds an installation: a new workstation joins it with passerelle"
                + " join (docs/office-server.md). Nothing was changed.")
        .keyed("server.error.installed", server.address());
  }

  private static DatabaseException notEmpty(OfficeServer server, List<String> objects) {
    String held =
        String.join(", ", objects.subList(0, Math.min(5, objects.size())))
            + (objects.size() > 5 ? ", …" : "");
    return new DatabaseException(
            "The database at "
                + server.address()
                + " is not empty (schema "
                + server.schemaOrPublic()
                + " holds "
                + held
                + "): choose an empty database for the office. Nothing was changed.")
        .keyed("server.error.notEmpty", server.address(), held);
  }
}
