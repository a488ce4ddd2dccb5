package fr.passerelle.crash;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain JDBC, no Passerelle code: how many acknowledged commits does a kill lose? (ADR 0138.) A
 * child JVM commits one-row inserts every 20 ms and prints the number of each commit once it has
 * returned; the parent kills it (SIGKILL) 1–3 s in, reopens the file and counts the rows. Runs
 * outside Maven, with only the H2 jar:
 *
 * <pre>
 * H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
 * javac -d /tmp/h2-lost -cp $H2 src/test/java/fr/passerelle/crash/H2LostCommitsRepro.java
 * java -cp /tmp/h2-lost:$H2 fr.passerelle.crash.H2LostCommitsRepro /tmp/h2-lost-work 10 ""
 * java -cp /tmp/h2-lost:$H2 fr.passerelle.crash.H2LostCommitsRepro /tmp/h2-lost-work 10 ";WRITE_DELAY=0"
 * </pre>
 */
public final class H2LostCommitsRepro {
  private H2LostCommitsRepro() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--child")) {
      child(args[1]);
      return;
    }
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String settings = args.length > 2 ? args[2] : "";
    Random random = new Random(11);
    List<Integer> losses = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Path dir = Files.createDirectories(work.resolve("round-" + round + "-" + System.nanoTime()));
      String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + settings;
      Process p =
          new ProcessBuilder(
                  "java",
                  "-cp",
                  System.getProperty("java.class.path"),
                  H2LostCommitsRepro.class.getName(),
                  "--child",
                  url)
              .start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("GO"); line = in.readLine()) {
        // the table is there
      }
      AtomicInteger acknowledged = new AtomicInteger();
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String l = in.readLine(); l != null; l = in.readLine()) {
                    acknowledged.set(Integer.parseInt(l.trim()));
                  }
                } catch (Exception e) {
                  // the child is gone
                }
              });
      reader.start();
      Thread.sleep(1000 + random.nextInt(2000));
      p.destroyForcibly().waitFor();
      reader.join();
      int present;
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
        rs.next();
        present = rs.getInt(1);
      }
      int lost = acknowledged.get() - present;
      losses.add(lost);
      System.out.printf(
          "round %d: %d commits acknowledged, %d on disk, %d lost%n",
          round, acknowledged.get(), present, lost);
    }
    Collections.sort(losses);
    System.out.printf(
        "settings '%s': %d of %d rounds lost acknowledged commits; median %d, max %d%n",
        settings,
        losses.stream().filter(l -> l > 0).count(),
        rounds,
        losses.get(losses.size() / 2),
        losses.get(losses.size() - 1));
  }

  private static void child(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE T(ID INT PRIMARY KEY, V VARCHAR(200))");
      }
      System.out.println("GO");
      System.out.flush();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
        for (int i = 1; ; i++) {
          ps.setInt(1, i);
          ps.setString(2, "a counselor's edit " + i);
          ps.executeUpdate();
          System.out.println(i);
          System.out.flush();
          Thread.sleep(20);
        }
      }
    }
  }
}
