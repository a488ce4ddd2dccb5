package fr.passerelle.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.impl.DSL;

/**
 * The database of one installation, opened, migrated, closed: the embedded H2 file of its data
 * folder, or the office's PostgreSQL server when the data folder names one ({@link OfficeServer},
 * ADR 0150). The jOOQ dialect is the connection's ({@link #dialect()}): every {@link DSLContext} of
 * the services comes from here ({@link #dsl()}, {@link #dsl(Connection)}).
 */
public final class Database implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Database.class.getName());
  public static final String FILE_NAME = "passerelle";

  /** The key-slot file beside an encrypted database: its presence says it is encrypted. */
  public static final String KEYS_FILE = FILE_NAME + ".keys";

  /**
   * In the data folder while the database is open; found at the next open, it says the last session
   * did not close (crash, kill, power cut) and the database must be checked. It is removed at a
   * clean close, once any check that was due has passed ({@link #verified()}).
   */
  public static final String OPEN_MARKER = "passerelle.open";

  /** The journal note of tables a check found damaged ({@link #needsCheck}). */
  static final String DAMAGE_NOTE = "damage";

  /** The data folder's own temporary folder, emptied at each open ({@link #tempDir()}). */
  static final String TEMP_DIR = "tmp";

  private final Path dataDir;
  private final OfficeServer server;
  private final SQLDialect dialect;
  private final DataSource pool;

  /** Closes the pool's connections: H2's pool, or the office server's ({@link ServerOpening}). */
  private final Runnable disposePool;

  private final Connection keeper;
  private final DSLContext dsl;
  private final boolean uncleanShutdown;
  private volatile boolean verified;
  private volatile boolean keepMarker;
  private boolean closed;

  /**
   * H2's file password of an encrypted database (null: clear), for its backups; cleared at close.
   */
  private final char[] filePassword;

  /** The file password lent to H2 for an encrypted file (ADR 0207), dropped after the shutdown. */
  private H2Connections.Link link;

  private Database(Path dataDir, H2Opening.Opened h2, boolean unclean, char[] filePassword) {
    this(
        dataDir,
        null,
        SQLDialect.H2,
        h2.pool(),
        h2.pool()::dispose,
        h2.keeper(),
        unclean,
        filePassword);
    this.link = h2.link();
  }

  private Database(
      Path dataDir,
      OfficeServer server,
      SQLDialect dialect,
      DataSource pool,
      Runnable disposePool,
      Connection keeper,
      boolean unclean,
      char[] filePassword) {
    this.dataDir = dataDir;
    this.server = server;
    this.dialect = dialect;
    this.filePassword = filePassword == null ? null : filePassword.clone();
    this.pool = pool;
    this.disposePool = disposePool;
    this.keeper = keeper;
    this.uncleanShutdown = unclean;
    this.dsl = DSL.using(pool, dialect, settings(dialect));
  }

  /**
   * jOOQ's settings for {@code dialect}: the code generated from H2 names tables and columns in
   * upper case in schema PUBLIC; PostgreSQL folds unquoted names to lower case and keeps the tables
   * in the connection's schema (its {@code search_path}).
   */
  private static org.jooq.conf.Settings settings(SQLDialect dialect) {
    org.jooq.conf.Settings s = new org.jooq.conf.Settings();
    if (dialect.family() == SQLDialect.POSTGRES) {
      s = s.withRenderNameCase(RenderNameCase.LOWER).withRenderSchema(false);
    }
    return s;
  }

  /** The dialect of {@code c}'s database: PostgreSQL for an office server, else H2. */
  public static SQLDialect dialect(Connection c) {
    try {
      String product = c.getMetaData().getDatabaseProductName();
      return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
          ? SQLDialect.POSTGRES
          : SQLDialect.H2;
    } catch (SQLException e) {
      throw new DatabaseException("Cannot read the database's kind: " + e.getMessage(), e);
    }
  }

  /** A jOOQ context on {@code c} (a connection of any Passerelle database), in its dialect. */
  public static DSLContext dslOf(Connection c) {
    SQLDialect d = dialect(c);
    return DSL.using(c, d, settings(d));
  }

  /** This database's jOOQ dialect: {@link SQLDialect#H2} or {@link SQLDialect#POSTGRES}. */
  public SQLDialect dialect() {
    return dialect;
  }

  /** True when the database is the office's PostgreSQL server, not the embedded file. */
  public boolean onServer() {
    return server != null;
  }

  /** The office server (empty: the embedded H2 file). */
  public java.util.Optional<OfficeServer> server() {
    return java.util.Optional.ofNullable(server);
  }

  /**
   * Refuses what is the office server's own job (backups, compaction, the file checks) with a clear
   * message naming {@code what}.
   */
  public void refuseOnServer(String what) {
    if (server != null) {
      throw new DatabaseException(
          what
              + " is the office server's job on "
              + server.address()
              + " (pg_dump, VACUUM, its own checks): see docs/office-server.md.");
    }
  }

  /** True if the last session on this data folder did not close cleanly (or its check failed). */
  public boolean uncleanShutdown() {
    return uncleanShutdown;
  }

  /**
   * The check due after an unclean shutdown passed: a clean close may forget about it, and the
   * journal's notes of interrupted writes are done with (but those an import resumes from).
   */
  public void verified() {
    this.verified = true;
    Journal journal = new Journal(dataDir);
    for (Journal.Entry e : journal.leftovers()) {
      if (e.detail(Journal.KEEP_FILE) == null) {
        journal.end(e); // checked: only an interrupted import still needs its note (to resume)
      }
    }
  }

  /**
   * A check found these tables damaged: the next open checks them again (and refuses to serve until
   * the way back is taken), however this session ends.
   */
  public void needsCheck(java.util.Collection<String> tables) {
    new Journal(dataDir).begin(DAMAGE_NOTE, tables, java.util.Map.of());
    this.verified = false;
    this.keepMarker = true;
  }

  /** Opens (creating if needed) and migrates the clear database in {@code dataDir}. */
  public static Database open(Path dataDir) {
    return open(dataDir, null);
  }

  /**
   * Opens (creating if needed) and migrates the database in {@code dataDir}, encrypted with H2's
   * {@code CIPHER=AES} under {@code filePassword} when it is not null (ADR 0110); a folder whose
   * database is encrypted is refused without it.
   */
  public static Database open(Path dataDir, char[] filePassword) {
    DataFolder.prepare(dataDir);
    java.util.Optional<OfficeServer.Configured> office = OfficeServer.read(dataDir);
    if (office.isPresent()) {
      char[] password = office.get().password(filePassword);
      try {
        return open(dataDir, office.get().server(), password, filePassword);
      } finally {
        if (password != null) {
          Arrays.fill(password, '\0');
        }
      }
    }
    // a restore killed between its renames is finished first: it may bring its key file (ADR 0146)
    BackupService.finishInterruptedRestore(dataDir);
    if (filePassword == null && Files.exists(dataDir.resolve(KEYS_FILE))) {
      throw new DatabaseException(
          "The database in "
              + dataDir
              + " is encrypted: it opens when an account signs in with its password.");
    }
    H2Opening.Opened h2 = H2Opening.open(dataDir, filePassword);
    Path marker = dataDir.resolve(OPEN_MARKER);
    boolean unclean = Files.exists(marker);
    Database db = new Database(dataDir, h2, unclean, filePassword);
    return db.ready(
        () -> {
          if (!unclean) {
            Files.writeString(marker, "open since " + WallClock.system().offsetNow() + "\n");
          }
        });
  }

  /** Something done in the data folder while the database opens. */
  private interface FolderWork {
    void run() throws java.io.IOException;
  }

  /**
   * Makes the just-opened database ready: what a killed process left in the data folder removed,
   * {@code folder} done, the migrations run, the replica row there. Closed on failure.
   */
  private Database ready(FolderWork folder) {
    try {
      DataFolder.removeLeftovers(dataDir);
      folder.run();
      SchemaMigrations.apply(pool, server != null, where());
      SchemaMigrations.ensureReplica(dsl);
    } catch (java.io.IOException e) {
      close();
      throw new DatabaseException("Cannot write in the data folder " + dataDir + ": " + e, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  /**
   * Opens (migrating) the database of {@code server} for the installation of {@code dataDir} (its
   * search index, journal and temporary files stay in the folder), with {@code password} (null:
   * PostgreSQL's {@code .pgpass} answers). The schema is created when it is not there. An
   * unreachable server, a refused user or a missing database are said with the address.
   */
  public static Database open(Path dataDir, OfficeServer server, char[] password) {
    DataFolder.prepare(dataDir);
    return open(dataDir, server, password, null);
  }

  private static Database open(Path dataDir, OfficeServer server, char[] password, char[] fileKey) {
    com.zaxxer.hikari.HikariDataSource pool = ServerOpening.pool(server, password);
    return new Database(
            dataDir, server, SQLDialect.POSTGRES, pool, pool::close, null, false, fileKey)
        .ready(() -> {});
  }

  /** True when the database file is encrypted (opened with a file password). */
  public boolean encrypted() {
    return filePassword != null;
  }

  /**
   * The sealer of {@code label} under this database's file key (ADR 0145), or empty for a clear
   * database.
   */
  public java.util.Optional<fr.passerelle.db.crypto.Sealer> sealer(String label) {
    char[] pw = filePassword();
    if (pw == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(fr.passerelle.db.crypto.Sealer.of(pw, label));
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /** The key lent to H2 for this database's encrypted file (ADR 0207), or null (clear). */
  AesFiles.Key aesKey() {
    return link == null ? null : link.key();
  }

  /** A copy of H2's file password (null: clear); the caller clears it. */
  char[] filePassword() {
    return filePassword == null ? null : filePassword.clone();
  }

  /** True when the H2 file {@code mvDb} is encrypted (H2's encrypted files start so). */
  public static boolean encryptedFile(Path mvDb) {
    byte[] head = new byte[9];
    try (var in = Files.newInputStream(mvDb)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("H2encrypt");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Where the database is, for messages: the data folder, or the office server's address. */
  public String where() {
    return server == null ? dataDir.toString() : server.address();
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** A jOOQ context on {@code c}, a connection of this database ({@link #dataSource()}). */
  public DSLContext dsl(Connection c) {
    return DSL.using(c, dialect, settings(dialect));
  }

  /**
   * True when the database answers now: the office server reached within a few seconds (a dead
   * connection of the pool is dropped on the way); the embedded file always answers.
   */
  public boolean answers() {
    if (server == null) {
      return true;
    }
    try (Connection c = pool.getConnection()) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The H2 file on disk. */
  public Path file() {
    return dataDir.resolve(FILE_NAME + ".mv.db");
  }

  /**
   * The data folder's private temporary folder (copies of the sync files being imported...):
   * emptied each time the database opens, so nothing a crash leaves there outlives the next start.
   */
  public Path tempDir() {
    Path tmp = dataDir.resolve(TEMP_DIR);
    try {
      Files.createDirectories(tmp);
    } catch (java.io.IOException e) {
      throw new DatabaseException("Cannot write in the data folder " + dataDir + ": " + e, e);
    }
    return tmp;
  }

  /**
   * Writes what is committed to the file now. H2 stores commits in the background (every 500 ms): a
   * process killed in between loses its last commits, whole. What a journal note or a kept file
   * stands for must be on disk before they go (ADR 0080: seen by the crash harness).
   */
  public void storeNow() {
    if (server != null) {
      return; // a committed transaction is on the server's disk (its write-ahead log)
    }
    try (Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new DatabaseException("Cannot write the database in " + dataDir + ": " + e, e);
    }
  }

  /** Rewrites the file without its free space (after large imports), and closes the database. */
  public void compact() {
    refuseOnServer("Compacting the database");
    shutdown("SHUTDOWN COMPACT");
  }

  /**
   * Closes the database file. The pool's connections are closed first, while the database is still
   * open (closing a pooled connection after {@code SHUTDOWN} leaves a "Database is already closed"
   * in {@code passerelle.trace.db}); then {@code SHUTDOWN} runs on the connection that kept the
   * database open. Failures are logged, not thrown.
   */
  @Override
  public void close() {
    shutdown("SHUTDOWN");
  }

  private synchronized void shutdown(String statement) {
    if (closed) {
      return;
    }
    closed = true;
    disposePool.run();
    if (keeper == null) {
      if (filePassword != null) {
        Arrays.fill(filePassword, '\0');
      }
      return; // an office server: nothing of it is ours to shut down
    }
    boolean clean = false;
    try (java.sql.Statement s = keeper.createStatement()) {
      s.execute(statement);
      clean = true;
    } catch (SQLException e) {
      clean = isClosedAnswer(e);
      if (!clean) {
        LOG.log(System.Logger.Level.WARNING, "Closing the database in " + dataDir + " failed", e);
      }
    }
    try {
      keeper.close();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the keeper connection", e);
    }
    if (link != null) {
      link.close();
    }
    if (filePassword != null) {
      Arrays.fill(filePassword, '\0');
    }
    if (clean && !keepMarker && (!uncleanShutdown || verified)) {
      try {
        Files.deleteIfExists(dataDir.resolve(OPEN_MARKER));
      } catch (java.io.IOException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot remove " + OPEN_MARKER, e);
      }
    }
  }

  private static boolean isClosedAnswer(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
        || e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED;
  }
}
