package fr.passerelle.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark harness (not a test) for ADR 0207: {@code DIR [ROUNDS]} — an encrypted data folder (its
 * admin password in {@code PASSERELLE_BENCH_PASSWORD}) opened read-only, alternately through H2's
 * own {@code CIPHER=AES} and through {@link AesFiles}, each time in a fresh H2 (cold page cache,
 * warm OS cache), and a full scan of the candidates timed; then the sector ciphers alone (64 MB
 * deciphered by H2's XTS and by {@link XtsAes}). Prints every sample and the medians.
 */
public final class CipherScanBenchmark {
  private static final String SCAN =
      "SELECT COUNT(*), SUM(LENGTH(LAST_NAME) + LENGTH(FIRST_NAME)) FROM CANDIDATE"
          + " WHERE LAST_NAME NOT LIKE '%zzzz%'";

  private CipherScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String pw = System.getenv(fr.passerelle.testsupport.TestServices.BENCH_PASSWORD);
    fr.passerelle.security.keys.KeyRing ring =
        fr.passerelle.security.keys.KeyRing.unlock(
            dir,
            fr.passerelle.testsupport.TestServices.ADMIN,
            pw.toCharArray(),
            fr.passerelle.security.PasswordHasher.Params.DEFAULT,
            WallClock.system());
    char[] fp = ring.h2FilePassword();
    if (args.length > 2 && args[2].equals("backup")) {
      backups(dir, fp, rounds);
      return;
    }
    List<Double> h2 = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      boolean h2First = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean useH2 = (k == 0) == h2First;
        double s = scan(dir, fp, useH2);
        (useH2 ? h2 : ours).add(s);
        System.out.printf("round %d %s: %.2f s%n", r + 1, useH2 ? "H2 CIPHER=AES" : "AesFiles", s);
      }
    }
    System.out.printf(
        "median scan: H2 CIPHER=AES %.2f s, AesFiles %.2f s%n", median(h2), median(ours));
    sectors();
  }

  private static double scan(Path dir, char[] fp, boolean useH2) throws Exception {
    long t = System.nanoTime();
    String file = dir.resolve(Database.FILE_NAME).toAbsolutePath().toString();
    String options = ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    if (useH2) {
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + file + ";CIPHER=AES" + options, "sa", new String(fp) + " ")) {
        run(c);
      }
    } else {
      try (AesFiles.Key key = AesFiles.lend(fp);
          Connection c = H2Connections.connect("jdbc:h2:" + key.prefix() + file + options)) {
        run(c);
      }
    }
    return (System.nanoTime() - t) / 1e9;
  }

  /**
   * {@code DIR ROUNDS backup}: H2's {@code BACKUP TO} of the file opened with {@code CIPHER=AES}
   * against {@link EncryptedBackupTo} through {@link AesFiles}, alternately, into the folder's
   * parent.
   */
  private static void backups(Path dir, char[] fp, int rounds) throws Exception {
    List<Double> h2 = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    Path zip = dir.toAbsolutePath().getParent().resolve("cipher-bench-backup.zip");
    String file = dir.resolve(Database.FILE_NAME).toAbsolutePath().toString();
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        boolean useH2 = (k == 0) == (r % 2 == 0);
        java.nio.file.Files.deleteIfExists(zip);
        long t = System.nanoTime();
        if (useH2) {
          try (Connection c =
                  DriverManager.getConnection(
                      "jdbc:h2:file:" + file + ";CIPHER=AES;IFEXISTS=TRUE",
                      "sa",
                      new String(fp) + " ");
              Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip + "'");
          }
        } else {
          try (AesFiles.Key key = AesFiles.lend(fp);
              Connection c =
                  H2Connections.connect("jdbc:h2:" + key.prefix() + file + ";IFEXISTS=TRUE")) {
            EncryptedBackupTo.backup(
                dir,
                () -> H2Connections.connect("jdbc:h2:" + key.prefix() + file + ";IFEXISTS=TRUE"),
                zip);
          }
        }
        double sec = (System.nanoTime() - t) / 1e9;
        (useH2 ? h2 : ours).add(sec);
        System.out.printf(
            "round %d backup %s: %.2f s, %d MB%n",
            r + 1, useH2 ? "H2 CIPHER=AES" : "AesFiles", sec, java.nio.file.Files.size(zip) >> 20);
      }
    }
    java.nio.file.Files.deleteIfExists(zip);
    System.out.printf(
        "median backup: H2 CIPHER=AES %.2f s, AesFiles %.2f s%n", median(h2), median(ours));
  }

  private static void run(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SCAN)) {
      rs.next();
      if (rs.getLong(1) == 0) {
        throw new IllegalStateException("no candidate");
      }
    }
  }

  /** 64 MB of sectors deciphered by H2's XTS (its pure-Java AES) and by ours, medians of 5. */
  private static void sectors() throws Exception {
    byte[] key = new byte[16];
    new Random(1).nextBytes(key);
    byte[] data = new byte[64 << 20];
    new Random(2).nextBytes(data);
    org.h2.security.AES aes = new org.h2.security.AES();
    aes.setKey(key);
    Class<?> xtsClass = Class.forName("org.h2.store.fs.encrypt.XTS");
    var ctor = xtsClass.getDeclaredConstructor(org.h2.security.BlockCipher.class);
    ctor.setAccessible(true);
    Object theirs = ctor.newInstance(aes);
    var decrypt =
        xtsClass.getDeclaredMethod("decrypt", long.class, int.class, byte[].class, int.class);
    decrypt.setAccessible(true);
    XtsAes ours = new XtsAes(key);
    List<Double> h2 = new ArrayList<>();
    List<Double> jdk = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      long t = System.nanoTime();
      for (int s = 0; s < data.length / XtsAes.SECTOR; s++) {
        decrypt.invoke(theirs, (long) s, XtsAes.SECTOR, data, s * XtsAes.SECTOR);
      }
      h2.add(64 / ((System.nanoTime() - t) / 1e9));
      t = System.nanoTime();
      for (int s = 0; s < data.length; s += 16 * XtsAes.SECTOR) { // 64 KB reads, as H2's pages
        ours.decrypt(s / XtsAes.SECTOR, data, s, 16 * XtsAes.SECTOR);
      }
      jdk.add(64 / ((System.nanoTime() - t) / 1e9));
    }
    System.out.printf(
        "sectors deciphered: H2 XTS %.0f MB/s, XtsAes %.0f MB/s (medians of 5)%n",
        median(h2), median(jdk));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
