package fr.passerelle.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.store.fs.FilePath;

/**
 * H2's {@code BACKUP TO} of a database opened through {@link AesFiles} (ADR 0207). H2 copies the
 * file through the channel its store reads: with {@code CIPHER=AES} the bytes on disk, through our
 * file system the deciphered ones — a clear copy. So H2 writes its ZIP through {@link AesFiles} (a
 * temporary file beside the backup, encrypted as a whole under the same key: nothing in clear on
 * disk), and the ZIP is then written again with its {@code .mv.db} entry enciphered sector by
 * sector under the live file's salt and header: the entry is byte for byte what {@code BACKUP TO}
 * writes for a {@code CIPHER=AES} database.
 */
final class EncryptedBackupTo {
  private EncryptedBackupTo() {}

  static void backup(Database db, AesFiles.Key key, Path zip) throws IOException {
    byte[] header;
    try (InputStream in =
        Files.newInputStream(db.dataDir().resolve(Database.FILE_NAME + ".mv.db"))) {
      header = in.readNBytes(AesFileChannel.HEADER_LENGTH);
    }
    byte[] salt = AesFileChannel.salt(header);
    if (salt == null || header.length < AesFileChannel.HEADER_LENGTH) {
      throw new IOException("the database file has no encrypted file's header");
    }
    XtsAes xts = key.sectorCipher(salt);
    Path sealed = zip.resolveSibling(".passerelle-backup-" + System.nanoTime() + ".zip");
    String h2Name = key.prefix() + sealed.toAbsolutePath();
    try {
      db.dsl().execute("BACKUP TO '" + h2Name.replace("'", "''") + "'");
      try (ZipInputStream in = new ZipInputStream(FilePath.get(h2Name).newInputStream());
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          out.putNextEntry(new ZipEntry(e.getName()));
          if (e.getName().endsWith(".mv.db")) {
            out.write(header);
            encipher(in, xts, out);
          } else {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    } finally {
      Files.deleteIfExists(sealed);
    }
  }

  /**
   * The clear store from {@code in}, enciphered as H2's encrypted file holds it after its header.
   */
  private static void encipher(InputStream in, XtsAes xts, OutputStream out) throws IOException {
    byte[] run = new byte[64 * XtsAes.SECTOR];
    long sector = 0;
    while (true) {
      int n = in.readNBytes(run, 0, run.length);
      if (n == 0) {
        return;
      }
      int whole = (n + XtsAes.SECTOR - 1) / XtsAes.SECTOR * XtsAes.SECTOR;
      java.util.Arrays.fill(run, n, whole, (byte) 0);
      xts.encrypt(sector, run, 0, whole);
      out.write(run, 0, whole);
      if (n != whole) {
        out.write(new byte[n % XtsAes.SECTOR]); // a partial last sector's length, as H2 keeps it
        return;
      }
      sector += whole / XtsAes.SECTOR;
    }
  }
}
