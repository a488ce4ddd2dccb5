package fr.passerelle.crash;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.app.Services;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Kills the command line (a child JVM, {@code destroyForcibly}: SIGKILL, as a power cut would stop
 * it) at random moments of a large sync import, of the indexing after it, of a CSV import, of
 * {@code demo}, of a backup and of a burst of edits; after each kill, reopens the data folder and
 * checks it: {@code check} (recovery + integrity of every table and index) answers within a bounded
 * time and finds nothing; {@code sync digest} equals the state before or after the killed command;
 * search finds the imported people; nothing is left in the data folder's temporary folder. Generic:
 * it drives the command line and compares what it prints, so it exercises whatever mechanism
 * (search index, import) is on the branch. See docs/reliability.md and ADR 0080.
 *
 * <p>Run as a program for the long series ({@code ./mvnw -Pcrash verify}, see the pom), and with a
 * few kills by {@link CrashKillTest} in every build.
 */
public final class CrashHarness {
  /** What is killed. */
  public enum Scenario {
    SYNC_IMPORT,
    SYNC_INDEXING,
    CSV_IMPORT,
    DEMO,
    BACKUP,
    EDITS
  }

  /**
   * How one kill ended: OK; REPAIRED (check found damage, named it, and its way back — rebuild,
   * else the automatic backup — led to a sound installation in the right state); or what went
   * wrong.
   */
  public enum Verdict {
    OK,
    REPAIRED,
    CORRUPTED,
    STUCK,
    WRONG_STATE
  }

  /** One kill and what the folder looked like afterwards. */
  public record Kill(
      int n,
      Scenario scenario,
      long killedAtMs,
      long commandMs,
      boolean ended,
      String state,
      Verdict verdict,
      String detail,
      long recoveryMs) {
    String line() {
      return String.join(
          "\t",
          String.valueOf(n),
          scenario.name(),
          String.valueOf(killedAtMs),
          String.valueOf(commandMs),
          ended ? "ended-before-kill" : "killed",
          state,
          verdict.name(),
          String.valueOf(recoveryMs),
          detail.replace('\t', ' ').replace('\n', ' '));
    }
  }

  private static final Duration STUCK_AFTER = Duration.ofMinutes(5);
  private static final int EDITS = 60;
  private static final String TODAY = "2026-11-29";

  private final Path root;
  private final int candidates;
  private final Random random;
  private final Path report;
  private final List<Kill> kills = new CopyOnWriteArrayList<>();

  // fixtures, built by prepare()
  private Path syncBefore;
  private Path syncFile;
  private String digestBefore;
  private String digestAfter;
  private final Map<String, String> imported = new LinkedHashMap<>(); // id -> "last first"
  private Path csvBefore;
  private Path csvFile;
  private int csvRows;
  private Path demoBefore;
  private Path imported0;
  private final Map<Scenario, long[]> window = new EnumMap<>(Scenario.class);

  public CrashHarness(Path root, int candidates, long seed, Path report) {
    this.root = root;
    this.candidates = candidates;
    this.random = new Random(seed);
    this.report = report;
  }

  public List<Kill> kills() {
    return kills;
  }

  /**
   * Builds the installations the kills start from (in this JVM), and measures each command once
   * unkilled: its duration bounds the moments the kills are drawn from.
   */
  public void prepare() throws IOException {
    Files.createDirectories(root);
    Path a = root.resolve("fixture-a");
    ok(a, "demo", "--candidates", String.valueOf(candidates), "--today", TODAY);
    syncBefore = root.resolve("fixture-b");
    ok(syncBefore, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    ok(a, "sync", "identity", "--out", root.resolve("a.card").toString());
    ok(syncBefore, "sync", "identity", "--out", root.resolve("b.card").toString());
    ok(a, "sync", "trust", root.resolve("b.card").toString(), "--yes");
    ok(syncBefore, "sync", "trust", root.resolve("a.card").toString(), "--yes");
    String peers = ok(a, "sync", "peers", "--json");
    String b = peers.replaceAll("(?s).*\"replicaId\" : \"([0-9a-f-]+)\".*", "$1");
    syncFile = root.resolve("full.passerelle");
    ok(a, "sync", "export", "--to", b, "--out", syncFile.toString(), "--full");
    digestBefore = digest(syncBefore);

    // the import, unkilled: the state after, and when its indexing starts
    imported0 = root.resolve("fixture-b-imported");
    copyTree(syncBefore, imported0);
    Run full = runChild(imported0, List.of("sync", "import", syncFile.toString()), null);
    if (full.exit != 0) {
      throw new IllegalStateException("the unkilled import failed: " + full.output);
    }
    if (full.noteAppearedMs < 0 || full.noteGoneMs < 0) {
      throw new IllegalStateException(
          "the unkilled import wrote no journal note: is the fixture large enough to be chunked?");
    }
    digestAfter = digest(imported0);
    // the writing of the rows: from its journal note to the note's removal; then the search
    // index's catch-up and the close, until the process ends
    window.put(Scenario.SYNC_IMPORT, new long[] {0, full.noteGoneMs - full.noteAppearedMs});
    window.put(Scenario.SYNC_INDEXING, new long[] {0, full.ms - full.noteGoneMs});
    try (Services s = Services.open(imported0)) {
      s.db()
          .dsl()
          .selectFrom(CANDIDATE)
          .where(CANDIDATE.DELETED.isFalse())
          .orderBy(CANDIDATE.ID)
          .limit(400)
          .fetch()
          .forEach(
              r -> imported.put(r.getId().toString(), r.getLastName() + " " + r.getFirstName()));
    }

    // a CSV file of the same candidates, into a new installation
    csvFile = root.resolve("candidats.csv");
    Path exported = root.resolve("export.csv");
    ok(a, "candidates", "export", exported.toString());
    // without their ids: new candidates for the other installation (an id means "update it")
    // the first few hundred: the kills aim at its transaction, not at reading a long file
    List<String> lines = Files.readString(exported, StandardCharsets.UTF_8).lines().toList();
    StringBuilder csv = new StringBuilder();
    for (String l : lines) {
      boolean record = l.matches("^\\uFEFF?[0-9a-f]{8}-.*");
      if (record && csvRows == smallCount()) {
        break;
      }
      csvRows += record ? 1 : 0;
      csv.append(l).append("\r\n");
    }
    Files.writeString(
        csvFile,
        csv.toString()
            .replaceAll(
                "(?m)^(\uFEFF?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12};",
                "$1;"),
        StandardCharsets.UTF_8);
    csvBefore = root.resolve("fixture-c");
    ok(csvBefore, "init", "--office-name", "Agence Rodez", "--office-kind", "FRANCE_TRAVAIL");
    Path c1 = root.resolve("calibrate-csv");
    copyTree(csvBefore, c1);
    Run csvRun = runChild(c1, csvCommand(), null);
    if (csvRun.exit != 0) {
      throw new IllegalStateException("the unkilled CSV import failed: " + csvRun.output);
    }
    window.put(Scenario.CSV_IMPORT, afterOpen(csvRun));

    // demo data into a new installation
    demoBefore = root.resolve("fixture-d");
    ok(demoBefore, "init", "--office-name", "Agence Millau", "--office-kind", "FRANCE_TRAVAIL");
    Path d1 = root.resolve("calibrate-demo");
    copyTree(demoBefore, d1);
    Run demo = runChild(d1, demoCommand(), null);
    window.put(Scenario.DEMO, afterOpen(demo));

    // the daily automatic backup the window takes (the way back when H2 cannot open a file)
    for (Path fixture : List.of(syncBefore, imported0, csvBefore, demoBefore)) {
      try (Services s = TestServices.open(fixture)) {
        s.takeDailyBackupIfDue();
      }
    }
    Path b1 = root.resolve("calibrate-backup");
    copyTree(imported0, b1);
    Run backup = runChild(b1, List.of("backup", "--out", root.resolve("b.zip").toString()), null);
    window.put(Scenario.BACKUP, afterOpen(backup));

    Path e1 = root.resolve("calibrate-edits");
    copyTree(imported0, e1);
    Run edits = runChild(e1, List.of(EditBurst.class.getName(), String.valueOf(EDITS)), null);
    window.put(Scenario.EDITS, afterOpen(edits));
    for (Path p : List.of(c1, d1, b1, e1)) {
      deleteTree(p);
    }
    log(
        "# fixture: "
            + candidates
            + " candidates; windows (ms) "
            + window.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0] + ".." + e.getValue()[1])
                .toList());
  }

  /** From the database's opening to the end of the process. */
  private static long[] afterOpen(Run r) {
    if (r.openedMs < 0) {
      throw new IllegalStateException("the command never opened the database: " + r.output);
    }
    return new long[] {0, r.ms - r.openedMs};
  }

  private List<String> csvCommand() {
    return List.of("candidates", "import", csvFile.toString(), "--valid-rows-only");
  }

  /** The size of the CSV file and of the demo data killed: a few hundred candidates. */
  private int smallCount() {
    return Math.min(candidates, 300);
  }

  private List<String> demoCommand() {
    return List.of("demo", "--candidates", String.valueOf(smallCount()), "--today", TODAY);
  }

  /** Kills {@code n} times, spread over the scenarios in turn; returns the kills. */
  public List<Kill> run(int n, List<Scenario> order) throws IOException {
    for (int i = 0; i < n; i++) {
      kill(kills.size() + 1, order.get(i % order.size()));
    }
    return kills;
  }

  /** One kill of one scenario, then the checks. */
  public Kill kill(int n, Scenario s) throws IOException {
    Path dir = root.resolve("kill-" + n);
    deleteTree(dir);
    Path start =
        switch (s) {
          case SYNC_IMPORT, SYNC_INDEXING -> syncBefore;
          case CSV_IMPORT -> csvBefore;
          case DEMO -> demoBefore;
          case BACKUP, EDITS -> imported0;
        };
    copyTree(start, dir);
    Path backupOut = dir.resolveSibling("kill-" + n + "-backup.zip");
    Files.deleteIfExists(backupOut);
    List<String> cmd =
        switch (s) {
          case SYNC_IMPORT, SYNC_INDEXING -> List.of("sync", "import", syncFile.toString());
          case CSV_IMPORT -> csvCommand();
          case DEMO -> demoCommand();
          case BACKUP -> List.of("backup", "--out", backupOut.toString());
          case EDITS -> List.of(EditBurst.class.getName(), String.valueOf(EDITS));
        };
    long[] w = window.get(s);
    long at = w[0] + (long) (random.nextDouble() * Math.max(1, w[1] - w[0]));
    Trigger from =
        switch (s) {
          case SYNC_IMPORT -> Trigger.NOTE_APPEARS;
          case SYNC_INDEXING -> Trigger.NOTE_GONE;
          default -> Trigger.OPENED;
        };
    Run r = runChild(dir, cmd, new KillAt(from, at));
    if (r.killed && !Files.exists(dir.resolve(Database.OPEN_MARKER))) {
      log("# kill " + n + ": no " + Database.OPEN_MARKER + " in the folder after the kill");
    }
    Kill k;
    try {
      k = verify(n, s, dir, r, at, backupOut);
    } catch (RuntimeException | IOException e) {
      k = new Kill(n, s, at, r.ms, !r.killed, "?", Verdict.CORRUPTED, e.toString(), -1);
    }
    kills.add(k);
    log(k.line());
    if (k.verdict == Verdict.OK) {
      deleteTree(dir);
      Files.deleteIfExists(backupOut);
    } else {
      // kept for a look (the JUnit temporary folder goes with the test)
      Path keep =
          Path.of(System.getProperty("crash.failures", "target/crash-failures"))
              .resolve("kill-" + n + "-" + s.name().toLowerCase());
      deleteTree(keep);
      copyTree(dir, keep);
    }
    return k;
  }

  private Kill verify(int n, Scenario s, Path dir, Run r, long at, Path backupOut)
      throws IOException {
    long t0 = System.nanoTime();
    Cli.Result check;
    String wayBack = null;
    try {
      check = bounded(() -> admin(dir, "check"));
      if (check.code() == DatabaseDamagedException.EXIT_CODE) {
        // damage found and said: the ways back the message names, as a counselor would take them
        wayBack = "rebuilt: " + firstLine(check.err());
        Cli.Result way = bounded(() -> admin(dir, "check", "--rebuild"));
        if (way.code() != 0) {
          wayBack = "backup restored: " + firstLine(check.err());
          way = bounded(() -> admin(dir, "check", "--restore-backup"));
        }
        check = way;
      }
    } catch (TimeoutException e) {
      return new Kill(n, s, at, r.ms, !r.killed, "?", Verdict.STUCK, "check > " + STUCK_AFTER, -1);
    }
    long recoveryMs = (System.nanoTime() - t0) / 1_000_000;
    if (check.code() != 0) {
      return new Kill(
          n, s, at, r.ms, !r.killed, "?", Verdict.CORRUPTED, check.err().strip(), recoveryMs);
    }
    String digest = digest(dir);
    String state =
        digest.equals(digestBefore) ? "before" : digest.equals(digestAfter) ? "after" : "other";
    List<String> problems = new ArrayList<>();
    Path tmp = dir.resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> left = Files.list(tmp)) {
        left.forEach(p -> problems.add("left in tmp/: " + p.getFileName()));
      }
    }
    switch (s) {
      case SYNC_IMPORT, SYNC_INDEXING -> {
        if (state.equals("other")) {
          problems.add("digest is neither before nor after the import");
        }
        if (state.equals("after")) {
          problems.addAll(searchFindsImported(dir));
        }
      }
      case CSV_IMPORT -> {
        long count = candidateCount(dir);
        state = "candidates=" + count;
        if (count != 0 && count != csvRows) {
          problems.add(count + " candidates: neither 0 nor " + csvRows);
        }
      }
      case DEMO -> {
        state = "candidates=" + candidateCount(dir);
        Cli.Result stats = Cli.run(dir, "stats");
        if (stats.code() != 0) {
          problems.add("stats fails: " + stats.err());
        }
      }
      case BACKUP -> {
        if (!digest.equals(digestAfter)) {
          problems.add("a backup changed the data");
        }
        state = Files.exists(backupOut) ? "backup-written" : "no-backup";
        if (Files.exists(backupOut)) {
          try (ZipFile z = new ZipFile(backupOut.toFile())) {
            if (z.getEntry("passerelle.mv.db") == null) {
              problems.add("the backup has no database");
            }
          } catch (IOException e) {
            problems.add("the backup is not a whole ZIP: " + e.getMessage());
          }
        }
        try (Stream<Path> left = Files.list(dir.getParent())) {
          left.filter(p -> p.getFileName().toString().startsWith(".passerelle-backup"))
              .forEach(p -> problems.add("partial backup left: " + p.getFileName()));
        }
      }
      case EDITS -> {
        String half = EditBurst.halfDoneEdit(dir);
        state = "edits=" + EditBurst.editsDone(dir);
        if (half != null) {
          problems.add(half);
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Kill(
          n,
          s,
          at,
          r.ms,
          !r.killed,
          state,
          Verdict.WRONG_STATE,
          String.join("; ", problems),
          recoveryMs);
    }
    return wayBack == null
        ? new Kill(n, s, at, r.ms, !r.killed, state, Verdict.OK, "", recoveryMs)
        : new Kill(n, s, at, r.ms, !r.killed, state, Verdict.REPAIRED, wayBack, recoveryMs);
  }

  /**
   * The command line as the fixture's administrator, without creating one (Cli.run would open a
   * damaged folder to look for accounts).
   */
  private static Cli.Result admin(Path dir, String... args) {
    return Cli.runAs(dir, TestServices.ADMIN, TestServices.PASSWORD + "\n", args);
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  private List<String> searchFindsImported(Path dir) {
    List<String> missing = new ArrayList<>();
    List<Map.Entry<String, String>> all = new ArrayList<>(imported.entrySet());
    for (int i = 0; i < 3 && !all.isEmpty(); i++) {
      var e = all.get(random.nextInt(all.size()));
      Cli.Result hit = Cli.run(dir, "candidates", "search", e.getValue());
      if (hit.code() != 0 || !hit.out().contains(e.getKey())) {
        missing.add("search '" + e.getValue() + "' does not find " + e.getKey());
      }
    }
    return missing;
  }

  private static long candidateCount(Path dir) {
    try (Services s = Services.open(dir)) {
      return s.db().dsl().fetchCount(CANDIDATE, CANDIDATE.DELETED.isFalse());
    }
  }

  private static Cli.Result bounded(java.util.concurrent.Callable<Cli.Result> work)
      throws TimeoutException {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      Future<Cli.Result> f = ex.submit(work);
      return f.get(STUCK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      ex.shutdownNow();
    }
  }

  // ---- child processes

  private record Line(long atMs, String text) {}

  private record Run(
      int exit,
      long ms,
      boolean killed,
      List<Line> lines,
      String output,
      long openedMs,
      long noteAppearedMs,
      long noteGoneMs) {}

  /**
   * What a kill's moment counts from: the database opened (its {@code passerelle.open} marker
   * appeared: the JVM's start is left out), or the sync import's note in the data folder's journal
   * (written before its first row is stored, removed after its last commit, just before the search
   * index catches up).
   */
  enum Trigger {
    OPENED,
    NOTE_APPEARS,
    NOTE_GONE
  }

  /** Kill {@code ms} after {@code from}. */
  record KillAt(Trigger from, long ms) {}

  private static final String IMPORT_NOTE = "sync-import-";

  private static boolean importNote(Path dir) {
    Path journal = dir.resolve("journal");
    if (!Files.isDirectory(journal)) {
      return false;
    }
    try (Stream<Path> notes = Files.list(journal)) {
      return notes.anyMatch(p -> p.getFileName().toString().startsWith(IMPORT_NOTE));
    } catch (IOException e) {
      return false; // listed while a note is renamed: seen at the next look
    }
  }

  /**
   * Runs the command line (or a test main class, when the first argument is a class name) in a
   * child JVM on {@code dir}; kills it as {@code killAt} says (null: lets it end). Meanwhile, looks
   * at the journal every few milliseconds: when the sync import's note appeared and went.
   */
  private Run runChild(Path dir, List<String> args, KillAt killAt) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    // the kills aim at H2's clear file and the harness reopens it clear; the encryption's own
    // interruptions are VaultTest's (ADR 0110)
    cmd.add("-D" + fr.passerelle.app.Vault.KEEP_CLEAR + "=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    if (args.get(0).contains(".")) {
      cmd.add(args.get(0));
      cmd.add(dir.toString());
      cmd.addAll(args.subList(1, args.size()));
    } else {
      cmd.add("fr.passerelle.Main");
      cmd.add("--data-dir");
      cmd.add(dir.toString());
      // as the fixture's administrator, the password on standard input as a script gives it
      cmd.addAll(List.of("--user", TestServices.ADMIN, "--password-stdin"));
      cmd.addAll(args);
    }
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write((TestServices.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the process ended already: its output says why
    }
    List<Line> lines = new CopyOnWriteArrayList<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                  lines.add(new Line((System.nanoTime() - t0) / 1_000_000, l));
                }
              } catch (IOException ignored) {
                // killed
              }
            });
    pump.setDaemon(true);
    pump.start();
    boolean killed = false;
    long opened = -1;
    long appeared = -1;
    long gone = -1;
    try {
      long deadline = t0 + STUCK_AFTER.toNanos() * 2;
      while (p.isAlive() && System.nanoTime() < deadline) {
        long now = (System.nanoTime() - t0) / 1_000_000;
        if (opened < 0 && Files.exists(dir.resolve(Database.OPEN_MARKER))) {
          opened = now;
        }
        boolean note = importNote(dir);
        if (note && appeared < 0) {
          appeared = now;
        }
        if (!note && appeared >= 0 && gone < 0) {
          gone = now;
        }
        if (killAt != null) {
          long origin =
              switch (killAt.from()) {
                case OPENED -> opened;
                case NOTE_APPEARS -> appeared;
                case NOTE_GONE -> gone;
              };
          if (origin >= 0 && now >= origin + killAt.ms()) {
            p.destroyForcibly();
            killed = true;
            break;
          }
        }
        p.waitFor(2, TimeUnit.MILLISECONDS);
      }
      if (!p.waitFor(STUCK_AFTER.toMillis() * 2, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the command did not end: " + cmd);
      }
      pump.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String output = String.join("\n", lines.stream().map(Line::text).toList());
    return new Run(p.exitValue(), ms, killed, lines, output, opened, appeared, gone);
  }

  // ---- helpers

  private static String ok(Path dir, String... args) {
    Cli.Result r = Cli.run(dir, args);
    if (r.code() != 0) {
      throw new IllegalStateException(String.join(" ", args) + ": " + r.err());
    }
    return r.out();
  }

  private static String digest(Path dir) {
    return ok(dir, "sync", "digest").lines().findFirst().orElseThrow();
  }

  private void log(String line) {
    System.out.println(line);
    if (report != null) {
      try {
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(
            report,
            line + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** A summary line per scenario and verdict. */
  public String summary() {
    Map<String, Integer> by = new java.util.TreeMap<>();
    for (Kill k : kills) {
      by.merge(k.scenario() + " " + k.verdict(), 1, Integer::sum);
    }
    return kills.size() + " kills: " + by;
  }

  /**
   * The long series: {@code CrashHarness ROOT KILLS [CANDIDATES] [SEED] [REPORT] [SCENARIOS]}, the
   * kills spread over the six scenarios in turn (or those named, comma-separated).
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
    Path report = args.length > 4 ? Path.of(args[4]) : root.resolve("crash-report.tsv");
    CrashHarness h = new CrashHarness(root, candidates, seed, report);
    h.log("# seed " + seed);
    h.prepare();
    List<Scenario> order =
        args.length > 5
            ? java.util.Arrays.stream(args[5].split(",")).map(Scenario::valueOf).toList()
            : List.of(
                Scenario.SYNC_IMPORT,
                Scenario.SYNC_INDEXING,
                Scenario.SYNC_IMPORT,
                Scenario.CSV_IMPORT,
                Scenario.DEMO,
                Scenario.BACKUP,
                Scenario.EDITS,
                Scenario.SYNC_INDEXING);
    h.run(n, order);
    h.log("# " + h.summary());
    long bad = h.kills().stream().filter(k -> k.verdict() != Verdict.OK).count();
    System.exit(bad == 0 ? 0 : 1);
  }
}
