package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.security.AES;
import org.h2.security.BlockCipher;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our H2 file system for encrypted databases (ADR 0207) against H2's own {@code CIPHER=AES}: the
 * same sectors, the same file, each opening the other's database.
 */
class AesFilesTest {
  private static final char[] KEY =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".toCharArray();
  private static final String NAME = "Bernadette Quintaubois";

  @TempDir Path dir;

  @Test
  void sectorsAreH2sXtsIncludingSectorNumbersAbove2To32() throws Exception {
    Random r = new Random(20);
    long[] sectors = {0, 1, 2, 255, 256, 1L << 31, (1L << 32) + 7, 1L << 40, Long.MAX_VALUE};
    for (long sector : sectors) {
      byte[] key = new byte[16];
      r.nextBytes(key);
      byte[] clear = new byte[3 * XtsAes.SECTOR];
      r.nextBytes(clear);

      byte[] theirs = clear.clone();
      Object h2 = h2Xts(key);
      Method enc =
          h2.getClass()
              .getDeclaredMethod("encrypt", long.class, int.class, byte[].class, int.class);
      enc.setAccessible(true);
      for (int s = 0; s < 3; s++) {
        enc.invoke(h2, sector + s, XtsAes.SECTOR, theirs, s * XtsAes.SECTOR);
      }

      byte[] ours = clear.clone();
      new XtsAes(key).encrypt(sector, ours, 0, ours.length);
      assertThat(ours).as("sector %d", sector).isEqualTo(theirs);

      new XtsAes(key).decrypt(sector, ours, 0, ours.length);
      assertThat(ours).isEqualTo(clear);
    }
  }

  @Test
  void theFileIsByteForByteH2sAfterTheSameWrites() throws Exception {
    Path theirs = dir.resolve("theirs.bin");
    Path ours = dir.resolve("ours.bin");
    byte[] pw = FilePathEncrypt.getPasswordBytes(KEY);
    try (FileChannel h2 = h2File(theirs, pw)) {
      h2.write(ByteBuffer.allocate(XtsAes.SECTOR), 0); // the header and its salt
    }
    Files.copy(theirs, ours);
    Random r = new Random(7);
    try (FileChannel h2 = h2File(theirs, pw);
        FileChannel aes = new AesFileChannel("ours", pw.clone(), open(ours), false)) {
      // whole sectors anywhere (as H2's store writes), then appends of any length (as its trace);
      // H2's own channel fails on a partial sector written inside the file, and on an append
      // past a partial last sector's end (it reads the whole run from the old end), so none is
      for (int i = 0; i < 60; i++) {
        boolean append = i >= 40;
        long at = append ? h2.size() : r.nextInt(20) * (long) XtsAes.SECTOR;
        int room = XtsAes.SECTOR - (int) (at % XtsAes.SECTOR);
        int len =
            !append
                ? (1 + r.nextInt(3)) * XtsAes.SECTOR
                : room == XtsAes.SECTOR ? 1 + r.nextInt(9000) : 1 + r.nextInt(room);
        byte[] data = new byte[len];
        r.nextBytes(data);
        h2.write(ByteBuffer.wrap(data), at);
        aes.write(ByteBuffer.wrap(data), at);
        assertThat(aes.size()).isEqualTo(h2.size());
      }
      for (int i = 0; i < 40; i++) {
        long at = r.nextInt((int) h2.size());
        int len = 1 + r.nextInt(3 * XtsAes.SECTOR);
        ByteBuffer a = ByteBuffer.allocate(len);
        ByteBuffer b = ByteBuffer.allocate(len);
        assertThat(aes.read(a, at)).isEqualTo(h2.read(b, at));
        assertThat(a.array()).isEqualTo(b.array());
      }
    }
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
  }

  @Test
  void aDatabaseOfH2sCipherOpensThroughOursAndTheReverse() throws Exception {
    String h2Url =
        "jdbc:h2:file:" + dir.resolve(Database.FILE_NAME).toAbsolutePath() + ";CIPHER=AES";
    String h2Password = new String(KEY) + " ";
    try (Connection c = DriverManager.getConnection(h2Url, "sa", h2Password);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people(name VARCHAR(100))");
      s.execute("INSERT INTO people SELECT 'H2 ' || X FROM SYSTEM_RANGE(1, 20000)");
    }
    try (H2Connections.Link link = H2Connections.Link.of(dir, KEY);
        Connection c = link.connect("");
        Statement s = c.createStatement()) {
      assertThat(count(s)).isEqualTo(20000);
      s.execute("INSERT INTO people SELECT 'ours ' || X FROM SYSTEM_RANGE(1, 20000)");
      s.execute("SHUTDOWN COMPACT"); // compaction: H2's temporary file through ours too
    }
    try (Connection c = DriverManager.getConnection(h2Url, "sa", h2Password);
        Statement s = c.createStatement()) {
      assertThat(count(s)).isEqualTo(40000);
    }
  }

  @Test
  void theFileTheUrlAndTheBackupHoldNoSecretAndNoName() throws Exception {
    Path zip = dir.resolve("backup.zip");
    try (Database db = Database.open(dir.resolve("data"), KEY)) {
      db.dsl().execute("CREATE TABLE people(name VARCHAR(100))");
      db.dsl().execute("INSERT INTO people VALUES ('" + NAME + "')");
      assertThat(H2Connections.url(dir, db.aesKey())).doesNotContain(new String(KEY));
      BackupCheck.copyChecked(db, zip);
    }
    Path file = dir.resolve("data").resolve(Database.FILE_NAME + ".mv.db");
    assertThat(Database.encryptedFile(file)).isTrue();
    assertThat(holds(Files.readAllBytes(file), NAME)).isFalse();
    assertThat(holds(Files.readAllBytes(zip), NAME)).isFalse();

    // the backup's entry is H2's encrypted file: H2's CIPHER=AES opens it
    Path restored = dir.resolve("restored");
    Files.createDirectories(restored);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e = in.getNextEntry();
      assertThat(e.getName()).isEqualTo(Database.FILE_NAME + ".mv.db");
      byte[] entry = in.readAllBytes();
      assertThat(holds(entry, NAME)).isFalse();
      // a copy of the live file (its header and salt), not the dump a failed check falls back to
      assertThat(Arrays.copyOf(entry, XtsAes.SECTOR))
          .isEqualTo(Arrays.copyOf(Files.readAllBytes(file), XtsAes.SECTOR));
      Files.write(restored.resolve(e.getName()), entry);
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + restored.resolve(Database.FILE_NAME) + ";CIPHER=AES",
                "sa",
                new String(KEY) + " ");
        ResultSet rs = c.createStatement().executeQuery("SELECT name FROM people")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(NAME);
    }
  }

  @Test
  void aWrongKeyIsRefusedAsNotAPasserelleDatabase() {
    try (Database db = Database.open(dir, KEY)) {
      db.dsl().execute("CREATE TABLE people(name VARCHAR(100))");
    }
    char[] wrong = KEY.clone();
    wrong[0] = '9';
    assertThatThrownBy(() -> Database.open(dir, wrong))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("not a Passerelle database")
        .hasMessageNotContaining(new String(wrong));
    try (Database db = Database.open(dir, KEY)) {
      assertThat(db.dsl().fetchCount(db.dsl().selectFrom("people"))).isZero();
    }
  }

  @Test
  void aDroppedKeyNoLongerOpensItsFiles() {
    H2Connections.Link link = H2Connections.Link.of(dir, KEY);
    link.close();
    assertThatThrownBy(() -> link.connect("").close()).isInstanceOf(java.sql.SQLException.class);
  }

  private static Object h2Xts(byte[] key) throws Exception {
    AES aes = new AES();
    aes.setKey(key);
    Class<?> xts = Class.forName("org.h2.store.fs.encrypt.XTS");
    Constructor<?> c = xts.getDeclaredConstructor(BlockCipher.class);
    c.setAccessible(true);
    return c.newInstance(aes);
  }

  private static FileChannel h2File(Path p, byte[] pw) throws Exception {
    return new FileEncrypt(p.toString(), pw.clone(), open(p));
  }

  private static FileChannel open(Path p) throws java.io.IOException {
    return FileChannel.open(
        p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static long count(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM people")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean holds(byte[] bytes, String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + t.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
        return true;
      }
    }
    return false;
  }
}
