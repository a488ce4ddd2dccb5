package fr.passerelle.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.db.Store;

/**
 * H2's {@code BACKUP TO} of a database opened through {@link AesFiles} (ADR 0207). H2 copies the
 * file through the channel its store reads: with {@code CIPHER=AES} the bytes on disk, through our
 * file system the deciphered ones — a clear copy. So this does what {@code BACKUP TO} does for a
 * {@code CIPHER=AES} database, on H2's own objects: the store flushed, its space not reused while
 * the file is copied (no chunk the copy still needs is overwritten), the file's bytes as they are
 * on disk put into the ZIP under H2's entry name. The entry is byte for byte H2's.
 */
final class EncryptedBackupTo {
  private EncryptedBackupTo() {}

  static void backup(Database db, Path zip) throws IOException {
    backup(db.dataDir(), db.dataSource()::getConnection, zip);
  }

  /** A connection of the database to back up (an embedded H2 one). */
  interface Connections {
    Connection get() throws SQLException;
  }

  /** {@link #backup(Database, Path)} of {@code dataDir}'s database, open on {@code connections}. */
  static void backup(Path dataDir, Connections connections, Path zip) throws IOException {
    Path file = dataDir.resolve(Database.FILE_NAME + ".mv.db");
    try (Connection c = connections.get()) {
      org.h2.engine.Database h2 =
          ((org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase();
      Store store = h2.getStore();
      store.flush();
      h2.flush();
      FileStore fs = store.getMvStore().getFileStore();
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        synchronized (h2.getLobSyncObject()) {
          boolean reused = fs.isSpaceReused();
          fs.setReuseSpace(false);
          try (InputStream in = Files.newInputStream(file)) {
            out.putNextEntry(new ZipEntry(Database.FILE_NAME + ".mv.db"));
            in.transferTo(out);
            out.closeEntry();
          } finally {
            fs.setReuseSpace(reused);
          }
        }
      }
    } catch (SQLException | ClassCastException e) {
      throw new IOException("Cannot back up " + file + ": " + e.getMessage(), e);
    }
  }
}
