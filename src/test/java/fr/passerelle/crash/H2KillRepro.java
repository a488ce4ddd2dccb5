package fr.passerelle.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Plain JDBC reproduction, no Passerelle code: does H2 keep one large transaction atomic when the
 * process is killed near its commit? (ADR 0080.) Runs outside Maven, with only the H2 jar:
 *
 * <pre>
 * H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
 * javac -d /tmp/h2-repro-classes -cp $H2 src/test/java/fr/passerelle/crash/H2KillRepro.java
 * java -cp /tmp/h2-repro-classes:$H2 fr.passerelle.crash.H2KillRepro /tmp/h2-repro 30 200000 "" [seed]
 * </pre>
 *
 * Arguments: work folder, rounds, rows per transaction, extra URL settings (e.g. {@code
 * ;WRITE_DELAY=0}), seed, {@code alone} (one connection), {@code writer} (a second connection
 * writes small transactions all along) or {@code gated} (the same, never during a commit), each
 * with {@code -checkpoint} to store the file right before each COMMIT (ADR 0080), and the rows per
 * transaction (default: all in one; else chunks, each moving the checkpoint). Each round copies a
 * prepared database, starts a child JVM that inserts the rows in three tables with secondary
 * indexes, moves a checkpoint row in the same transaction and commits; the parent kills it ({@code
 * destroyForcibly}, SIGKILL) at a random moment between the last insert and a few seconds after the
 * commit, reopens the file and checks: the checkpoint says 0 and no row is there, or it says 1 and
 * every row is there; every row reachable through the primary key is reachable through each
 * secondary index and the other way round. With {@code -DfinishLeftovers=true} (and {@code
 * target/classes} on the class path) the check first finishes the commits H2 2.5.252 leaves cut in
 * two, as Passerelle does at each open (ADR 0137).
 */
public final class H2KillRepro {
  private static final String[] TABLES = {"person", "criterion", "occupation"};

  private H2KillRepro() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(
          Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
      return;
    }
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int rows = Integer.parseInt(args[2]);
    String settings = args.length > 3 ? args[3] : "";
    long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
    String mode = args.length > 5 ? args[5] : "alone";
    int chunk = args.length > 6 ? Integer.parseInt(args[6]) : rows;
    Random random = new Random(seed);
    Path template = work.resolve("template");
    deleteTree(work);
    Files.createDirectories(template);
    prepare(template, settings);
    int broken = 0;
    int before = 0;
    int after = 0;
    for (int round = 1; round <= rounds; round++) {
      Path dir = work.resolve("round-" + round);
      copyTree(template, dir);
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  H2KillRepro.class.getName(),
                  "--child",
                  dir.toString(),
                  String.valueOf(rows),
                  String.valueOf(chunk),
                  settings,
                  mode)
              .redirectErrorStream(true)
              .start();
      var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
      Thread pump =
          new Thread(
              () -> {
                try (var out =
                    new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                  for (String l = out.readLine(); l != null; l = out.readLine()) {
                    lines.add(l);
                  }
                } catch (java.io.IOException ignored) {
                  // the child was killed
                }
                lines.add("EOF");
              });
      pump.start();
      // one transaction: kill in [0, half the time the inserts took] after its COMMIT starts
      // (H2's commit of that much was measured at 10-40 % of it, so about half the kills land in
      // the commit); chunks: after the COMMIT of a random chunk, within 300 ms
      int chunks = rows / chunk;
      int target = chunks == 1 ? 1 : 1 + random.nextInt(chunks);
      String line;
      do {
        line = lines.take();
      } while (!line.startsWith("COMMITTING " + target + " ") && !line.equals("EOF"));
      if (line.equals("EOF")) {
        throw new IllegalStateException("the child ended before committing: " + lines);
      }
      long insertMs = Long.parseLong(line.split(" ")[2]);
      long delay =
          chunks == 1
              ? (long) (random.nextDouble() * Math.max(200, insertMs * 0.5))
              : random.nextInt(300);
      Thread.sleep(delay);
      boolean alive = p.isAlive();
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
      pump.join();
      String commitMs = "n/a";
      for (String l : lines) {
        if (l.startsWith("COMMITTED " + target + " ")) {
          String[] w = l.split(" ");
          commitMs = w[2] + " ms, " + w[4] + " stores during it";
        }
      }
      Path asKilled = work.resolve("round-" + round + "-as-killed");
      copyTree(dir, asKilled); // kept when broken, to report upstream
      String verdict;
      try {
        verdict = check(dir, chunk, settings);
      } catch (SQLException e) {
        verdict =
            "BROKEN " + e.getErrorCode() + " " + e.getMessage().lines().findFirst().orElse("");
      }
      if (verdict.startsWith("BROKEN")) {
        broken++; // both copies kept: the one as killed is what to report upstream
      } else {
        if (verdict.startsWith("BEFORE")) {
          before++;
        } else {
          after++;
        }
        deleteTree(asKilled);
        deleteTree(dir);
      }
      System.out.printf(
          "round %d: %d ms in, killed %d ms after COMMITTING %d (%s; its commit took %s) -> %s%n",
          round, insertMs, delay, target, alive ? "alive" : "already exited", commitMs, verdict);
    }
    System.out.printf(
        "H2 %s, %d rows, %d per transaction, settings '%s', %s, seed %d: %d rounds, %d before,"
            + " %d after, %d BROKEN%n",
        org.h2.engine.Constants.FULL_VERSION,
        rows,
        chunk,
        settings,
        mode,
        seed,
        rounds,
        before,
        after,
        broken);
  }

  private static String url(Path dir, String settings) {
    return "jdbc:h2:file:"
        + dir.resolve("db").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE"
        + settings;
  }

  private static void prepare(Path dir, String settings) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(dir, settings), "sa", "");
        Statement s = c.createStatement()) {
      for (String t : TABLES) {
        s.execute(
            "CREATE TABLE "
                + t
                + " (id UUID PRIMARY KEY, owner UUID NOT NULL, k INT NOT NULL,"
                + " name VARCHAR(200), payload VARCHAR(400), change_seq BIGINT NOT NULL)");
        s.execute("CREATE INDEX " + t + "_owner ON " + t + "(owner)");
        s.execute("CREATE INDEX " + t + "_k ON " + t + "(k, name)");
        s.execute("CREATE INDEX " + t + "_seq ON " + t + "(change_seq)");
      }
      s.execute("CREATE TABLE checkpoint (id INT PRIMARY KEY, received BIGINT NOT NULL)");
      s.execute("INSERT INTO checkpoint VALUES (1, 0)");
      s.execute("CREATE TABLE activity (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP)");
      s.execute("SHUTDOWN");
    }
  }

  private static void child(Path dir, int rows, int chunk, String settings, String mode)
      throws SQLException {
    // "writer": another connection of the process writes small transactions meanwhile, as a
    // window's other tasks would; "gated": the same, but never while a commit is in progress
    Object gate = new Object();
    if (!mode.startsWith("alone")) {
      Connection other = DriverManager.getConnection(url(dir, settings), "sa", "");
      Thread writer =
          new Thread(
              () -> {
                try (PreparedStatement ps =
                    other.prepareStatement("INSERT INTO activity(at) VALUES (LOCALTIMESTAMP)")) {
                  while (true) {
                    if (mode.equals("gated")) {
                      synchronized (gate) {
                        ps.executeUpdate();
                      }
                    } else {
                      ps.executeUpdate();
                    }
                    Thread.sleep(2);
                  }
                } catch (SQLException | InterruptedException e) {
                  System.out.println("writer stopped: " + e);
                }
              });
      writer.setDaemon(true);
      writer.start();
    }
    try (Connection c = DriverManager.getConnection(url(dir, settings), "sa", "")) {
      c.setAutoCommit(false);
      Random r = new Random(1);
      int per = chunk / TABLES.length;
      long t0 = System.nanoTime();
      for (int k = 1; k <= rows / chunk; k++) {
        for (String t : TABLES) {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < per; i++) {
              ps.setObject(1, UUID.randomUUID());
              ps.setObject(2, new UUID(r.nextLong(), r.nextLong()));
              ps.setInt(3, r.nextInt(1000));
              ps.setString(4, "name " + r.nextInt(100_000));
              ps.setString(5, "x".repeat(100 + r.nextInt(200)));
              ps.setLong(6, i);
              ps.addBatch();
              if (i % 1000 == 999) {
                ps.executeBatch();
              }
            }
            ps.executeBatch();
          }
        }
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE checkpoint SET received = " + k + " WHERE id = 1");
        }
        System.out.println("COMMITTING " + k + " " + (System.nanoTime() - t0) / 1_000_000);
        System.out.flush();
        if (mode.endsWith("-checkpoint")) {
          // the chunk's changes written now: its commit starts with nothing unsaved
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
          }
        }
        long t1 = System.nanoTime();
        long v0 = storeVersion(c);
        synchronized (gate) {
          c.commit();
        }
        // each new version of the store is a write of the file: during the commit, it captures
        // the transaction half applied
        System.out.println(
            "COMMITTED "
                + k
                + " "
                + (System.nanoTime() - t1) / 1_000_000
                + " stores "
                + (storeVersion(c) - v0));
        System.out.flush();
      }
      // then short transactions, as a catch-up would: still running when killed
      try (Statement s = c.createStatement()) {
        for (int i = 0; i < 1000; i++) {
          s.executeUpdate("UPDATE checkpoint SET received = received WHERE id = 1");
          c.commit();
        }
      }
    }
  }

  private static long storeVersion(Connection c) throws SQLException {
    var session = (org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) c).getSession();
    return session.getDatabase().getStore().getMvStore().getCurrentVersion();
  }

  /** BEFORE / AFTER, or BROKEN with what is wrong. */
  private static String check(Path dir, int chunk, String settings) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(dir, settings), "sa", "");
        Statement s = c.createStatement()) {
      if (Boolean.getBoolean("finishLeftovers")) {
        // ADR 0137: what Passerelle does at each open (needs target/classes on the class path)
        fr.passerelle.db.H2LeftoverCommits.finish(c);
      }
      long received = scalar(s, "SELECT received FROM checkpoint WHERE id = 1");
      long per = chunk / TABLES.length;
      StringBuilder problems = new StringBuilder();
      for (String t : TABLES) {
        long scan = scalar(s, "SELECT COUNT(payload) FROM " + t);
        long byPk = scalar(s, "SELECT COUNT(*) FROM " + t);
        long byOwner =
            scalar(
                s,
                "SELECT COUNT(payload) FROM "
                    + t
                    + " WHERE owner >= '00000000-0000-0000-0000-000000000000'");
        long byK = scalar(s, "SELECT COUNT(payload) FROM " + t + " WHERE k >= 0");
        long bySeq = scalar(s, "SELECT COUNT(payload) FROM " + t + " WHERE change_seq >= 0");
        long expected = received * per;
        if (scan != expected
            || byPk != expected
            || byOwner != expected
            || byK != expected
            || bySeq != expected) {
          problems.append(
              String.format(
                  " %s: expected %d, rows %d / %d, by owner %d, by k %d, by seq %d;",
                  t, expected, scan, byPk, byOwner, byK, bySeq));
        }
      }
      if (problems.length() > 0) {
        return "BROKEN checkpoint=" + received + problems;
      }
      return received == 0 ? "BEFORE" : "AFTER " + received;
    }
  }

  private static long scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void deleteTree(Path p) throws Exception {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }
}
