package fr.passerelle.db.crypto;

import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.h2.tools.ChangeFileEncryption;
import org.jooq.DSLContext;

/**
 * Encrypts a clear database file in place of the clear one (ADR 0110), so that a kill at any point
 * leaves either the clear database, usable, or the encrypted one with its key file:
 *
 * <ol>
 *   <li>the clear file is copied into {@value #WORK}/ and the copy encrypted there (H2's {@code
 *       ChangeFileEncryption}, AES);
 *   <li>the copy is opened with the key and its row counts compared with the clear one's;
 *   <li>the key file is written as {@value #KEYS_FILE}{@value #NEW};
 *   <li>the clear file is moved aside ({@value #ASIDE}), the encrypted one into its place, then the
 *       key file to its name: <b>the point of no return</b> (a key file means an encrypted
 *       database);
 *   <li>the clear copy aside is deleted.
 * </ol>
 *
 * {@link #discardInterrupted} (at every start) undoes what an interrupted conversion left: before
 * the point of no return, the clear file comes back and the half-made encrypted one is deleted;
 * after it, the clear copy is deleted.
 */
public final class DatabaseEncryption {
  private static final System.Logger LOG = System.getLogger(DatabaseEncryption.class.getName());

  /**
   * The key-slot file beside an encrypted database: its presence says the database is encrypted.
   */
  public static final String KEYS_FILE = Database.KEYS_FILE;

  static final String NEW = ".new";
  static final String ASIDE = Database.FILE_NAME + ".mv.db.clear-before-encryption";
  static final String WORK = "encrypting";
  private static final String DB_FILE = Database.FILE_NAME + ".mv.db";

  /** The steps of {@link #convert}, for the tests that interrupt it. */
  public enum Step {
    COPIED,
    ENCRYPTED,
    CHECKED,
    KEYS_WRITTEN,
    CLEAR_ASIDE,
    ENCRYPTED_IN_PLACE,
    COMMITTED
  }

  private DatabaseEncryption() {}

  /** True when {@code dataDir}'s database is encrypted (its key file is there). */
  public static boolean encrypted(Path dataDir) {
    return Files.exists(dataDir.resolve(KEYS_FILE));
  }

  /**
   * Encrypts the clear database of {@code dataDir} (closed) with {@code filePassword}; {@code
   * writeKeys} writes the key file to the path it is given. Refused, the clear database unchanged,
   * when the copy's row counts differ. {@code at} is told each step done (tests).
   */
  public static void convert(
      Path dataDir, char[] filePassword, Consumer<Path> writeKeys, Consumer<Step> at) {
    discardInterrupted(dataDir);
    if (encrypted(dataDir)) {
      throw new DatabaseException("The database in " + dataDir + " is already encrypted.");
    }
    Map<String, Long> before;
    try (Database clear = Database.open(dataDir)) {
      before = rowCounts(clear.dsl());
    }
    Path work = dataDir.resolve(WORK);
    try {
      deleteTree(work);
      Files.createDirectories(work);
      Files.copy(dataDir.resolve(DB_FILE), work.resolve(DB_FILE));
      at.accept(Step.COPIED);
      ChangeFileEncryption.execute(
          work.toString(), Database.FILE_NAME, "AES", null, filePassword, true);
      at.accept(Step.ENCRYPTED);
      try (Database enc = Database.open(work, filePassword)) {
        Map<String, Long> after = rowCounts(enc.dsl());
        if (!after.equals(before)) {
          throw new DatabaseException(
              "The encrypted copy of the database in "
                  + dataDir
                  + " does not hold the same rows (before "
                  + before
                  + ", after "
                  + after
                  + "): the clear database is kept.");
        }
      }
      at.accept(Step.CHECKED);
      Path keysNew = dataDir.resolve(KEYS_FILE + NEW);
      writeKeys.accept(keysNew);
      at.accept(Step.KEYS_WRITTEN);
      move(dataDir.resolve(DB_FILE), dataDir.resolve(ASIDE));
      at.accept(Step.CLEAR_ASIDE);
      move(work.resolve(DB_FILE), dataDir.resolve(DB_FILE));
      at.accept(Step.ENCRYPTED_IN_PLACE);
      move(keysNew, dataDir.resolve(KEYS_FILE));
      at.accept(Step.COMMITTED);
      LOG.log(System.Logger.Level.INFO, "database in {0} encrypted", dataDir);
    } catch (IOException | SQLException | RuntimeException e) {
      discardInterrupted(dataDir);
      if (e instanceof DatabaseException d) {
        throw d;
      }
      throw new DatabaseException(
          "Cannot encrypt the database in " + dataDir + ": " + e.getMessage(), e);
    }
    discardInterrupted(dataDir);
  }

  /**
   * Cleans up after an interrupted conversion: before its point of no return the clear database is
   * put back and the encrypted copy deleted; after it, the clear copy aside is deleted. Nothing to
   * do otherwise.
   */
  public static void discardInterrupted(Path dataDir) {
    Path aside = dataDir.resolve(ASIDE);
    try {
      if (!encrypted(dataDir) && Files.exists(aside)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "an encryption of the database in {0} was interrupted: the clear database is kept",
            dataDir);
        Files.deleteIfExists(dataDir.resolve(DB_FILE));
        move(aside, dataDir.resolve(DB_FILE));
      }
      Files.deleteIfExists(aside);
      Files.deleteIfExists(dataDir.resolve(KEYS_FILE + NEW));
      deleteTree(dataDir.resolve(WORK));
    } catch (IOException e) {
      throw new DatabaseException(
          "Cannot clean up an interrupted encryption in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** The number of rows of every table of the schema, by name. */
  public static Map<String, Long> rowCounts(DSLContext dsl) {
    Map<String, Long> counts = new TreeMap<>();
    for (var r :
        dsl.fetch(
            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
      String t = r.get(0, String.class);
      counts.put(
          t,
          dsl.fetchValue(
                  org.jooq
                      .impl
                      .DSL
                      .selectCount()
                      .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(t))))
              .longValue());
    }
    return counts;
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var files = Files.walk(p)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
