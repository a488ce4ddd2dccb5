package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The embedded H2 file database of one installation: opened, migrated, closed. */
public final class Database implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Database.class.getName());
  public static final String FILE_NAME = "passerelle";

  /** The key-slot file beside an encrypted database: its presence says it is encrypted. */
  public static final String KEYS_FILE = FILE_NAME + ".keys";

  private final Path dataDir;
  private final JdbcConnectionPool pool;
  private final DSLContext dsl;

  private Database(Path dataDir, JdbcConnectionPool pool) {
    this.dataDir = dataDir;
    this.pool = pool;
    this.dsl = DSL.using(pool, SQLDialect.H2);
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
    prepareDir(dataDir);
    if (filePassword == null && Files.exists(dataDir.resolve(KEYS_FILE))) {
      throw new DatabaseException(
          "The database in "
              + dataDir
              + " is encrypted: it opens when an account signs in with its password.");
    }
    String url =
        "jdbc:h2:file:"
            + dataDir.resolve(FILE_NAME).toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE"
            + (filePassword == null ? "" : ";CIPHER=AES");
    // H2 takes "file password, space, user password" in the password when the file is encrypted
    String password = filePassword == null ? "" : new String(filePassword) + " ";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", password);
    pool.setMaxConnections(16);
    try (Connection c = pool.getConnection()) {
      c.isValid(1);
    } catch (SQLException e) {
      pool.dispose();
      throw translate(dataDir, e);
    }
    Database db = new Database(dataDir, pool);
    try {
      db.migrate();
      db.ensureReplica();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static void prepareDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.nio.file.FileSystemException e) {
      throw new DatabaseException("Cannot create the data folder " + dataDir + ": " + reason(e), e);
    } catch (java.io.IOException e) {
      throw new DatabaseException(
          "Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new DatabaseException("The data folder " + dataDir + " is not writable.");
    }
  }

  private static String reason(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    return e.getReason() != null ? e.getReason() : e.getMessage();
  }

  static DatabaseException translate(Path dataDir, SQLException e) {
    SQLException root = e;
    while (root.getNextException() != null) {
      root = root.getNextException();
    }
    int code = e.getErrorCode();
    if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
      return new DatabaseException(
          "Passerelle is already open on the data folder "
              + dataDir
              + " (another window or another user?). Close it first.",
          e);
    }
    boolean fileExists = Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"));
    if (code == ErrorCode.FILE_CORRUPTED_1
        || (fileExists && (code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2))
        || code == ErrorCode.FILE_VERSION_ERROR_1
        || code == ErrorCode.WRONG_PASSWORD_FORMAT
        || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
        || code == ErrorCode.WRONG_USER_OR_PASSWORD) {
      return new DatabaseException(
          "The file " + dataDir.resolve(FILE_NAME + ".mv.db") + " is not a Passerelle database.",
          e);
    }
    return new DatabaseException(
        "Cannot open the database in " + dataDir + ": " + e.getMessage(), e);
  }

  private void migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/migration")
            .javaMigrations(new ReferenceDataMigration(), new AuditLegacyMigration())
            .load();
    try {
      MigrationInfo[] future =
          Arrays.stream(flyway.info().all())
              .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS)
              .toArray(MigrationInfo[]::new);
      if (future.length > 0) {
        throw new DatabaseException(
            "The database in "
                + dataDir
                + " was written by a newer Passerelle (schema version "
                + future[future.length - 1].getVersion()
                + "): update Passerelle to open it.");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("non-empty schema")) {
        throw new DatabaseException(
            "The database in " + dataDir + " is not a Passerelle database.", e);
      }
      throw new DatabaseException("Cannot update the database in " + dataDir + ": " + msg, e);
    }
  }

  /** Every installation has exactly one current replica row. */
  private void ensureReplica() {
    dsl.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          if (!tx.fetchExists(REPLICA, REPLICA.IS_CURRENT.isTrue())) {
            tx.insertInto(REPLICA, REPLICA.ID, REPLICA.IS_CURRENT, REPLICA.CREATED_AT)
                .values(UUID.randomUUID(), true, OffsetDateTime.now())
                .execute();
          }
        });
  }

  public DSLContext dsl() {
    return dsl;
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

  /** Rewrites the file without its free space (after large imports). */
  public void compact() {
    try (Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      // H2 closes the database while answering: "database is closed" means it is done.
      if (!isClosedAnswer(e)) {
        throw new DatabaseException("Cannot compact the database: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Closes the database file. H2 answers its own {@code SHUTDOWN} with "database is closed" (the
   * statement's connection goes with it): expected. Anything else is logged, not thrown, so the
   * pool is still released.
   */
  @Override
  public void close() {
    try (Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      if (!isClosedAnswer(e)) {
        LOG.log(System.Logger.Level.WARNING, "Closing the database in " + dataDir + " failed", e);
      }
    } catch (IllegalStateException e) {
      // the pool was already disposed: closed before
    }
    pool.dispose();
  }

  private static boolean isClosedAnswer(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
        || e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED;
  }
}
