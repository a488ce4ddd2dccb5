package fr.passerelle.bench;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jooq.Record;

/**
 * Benchmark harness (not a test), issue 15: an office of {@code N} workstations on one PostgreSQL
 * database, each a service stack of its own (its own connection pool, search index and signed-in
 * counselor, as a workstation that joined the office), doing a counselor's mix for a while:
 *
 * <ul>
 *   <li><b>search</b>: a surname typed letter by letter in the candidates' search (each keystroke a
 *       page of 50 and its count, as the view asks);
 *   <li><b>open</b>: a file from the hits opened (read, audited);
 *   <li><b>edit</b>: a file of a shared set of 50 edited and saved over the version it was read at
 *       (a colleague's newer save refuses it: the form reloads and saves again, as the conflict
 *       dialog offers);
 *   <li><b>invite</b>: one to three people from the hits invited to one of the office's coming
 *       meetings (the seats and waitlist kept by the service);
 *   <li><b>attendance</b>: a meeting of the past week's participants loaded, up to five marked
 *       present or absent over the version they were read at.
 * </ul>
 *
 * A think time (exponential, mean {@code thinkMs}) separates a workstation's actions. A warm-up of
 * the same mix ({@code warmSeconds}, not measured) comes first: the first writes make each copied
 * search index merge its segments once, which is not a day's work. At the end: p50 / p95 / max per
 * action, the conflicts met (a designed dialog, not an error), the errors a user would have seen
 * (any other exception), the lost updates (every mark a workstation saved in a file's notes must be
 * there), and every meeting's seats (no more holders than places, unless the meeting was already
 * over before the run).
 *
 * <pre>
 * PASSERELLE_BENCH_PASSWORD=... java -Xmx6g -cp target/test-classes:target/classes:$CP \
 *   fr.passerelle.bench.OfficeLoadBenchmark DIR WORK [workstations=20] [seconds=300] [thinkMs=3000] \
 *   [warmSeconds=120]
 * </pre>
 *
 * {@code DIR} is an office-server installation's data folder (after {@code migrate --to}); each
 * workstation gets a copy of its descriptor, key slots and search index under {@code WORK}. The
 * administrator's password is read from {@code PASSERELLE_BENCH_PASSWORD}. See docs/benchmarks.md.
 */
public final class OfficeLoadBenchmark {
  private static final int HOT_FILES = 50;
  private final Map<String, List<Long>> micros = new ConcurrentHashMap<>();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final AtomicInteger marks = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

  /** Every mark a workstation saved, by file: all must be in the file's notes at the end. */
  private final Map<UUID, Set<String>> savedMarks = new ConcurrentHashMap<>();

  private final List<String> surnames;
  private final List<UUID> hotFiles;
  private final List<UUID> comingMeetings;
  private final List<UUID> pastMeetings;

  private OfficeLoadBenchmark(Services s) {
    var dsl = s.db().dsl();
    surnames =
        dsl.fetch(
                "select last_name from candidate where not deleted and length(last_name) >= 5"
                    + " order by id limit 2000")
            .getValues(0, String.class);
    hotFiles =
        dsl.fetch("select id from candidate where not deleted order by id desc limit " + HOT_FILES)
            .getValues(0, UUID.class);
    comingMeetings =
        dsl.fetch(
                "select id from meeting where not deleted and status = 'PLANNED'"
                    + " and starts_at > current_timestamp order by starts_at limit 40")
            .getValues(0, UUID.class);
    pastMeetings =
        dsl.fetch(
                "select m.id from meeting m where not m.deleted and m.status <> 'CANCELLED'"
                    + " and m.starts_at < current_timestamp"
                    + " and exists (select 1 from meeting_participant p where p.meeting_id = m.id"
                    + " and not p.deleted) order by m.starts_at desc limit 40")
            .getValues(0, UUID.class);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int workstations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    long thinkMs = args.length > 4 ? Long.parseLong(args[4]) : 3000;
    int warmSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 120;
    String pw = System.getenv(TestServices.BENCH_PASSWORD);
    if (pw == null) {
      throw new IllegalStateException("set " + TestServices.BENCH_PASSWORD);
    }
    List<Services> desks = new ArrayList<>();
    long t = System.nanoTime();
    try {
      // the first workstation brings its search index up to the server (a rebuild after the move:
      // the schema's version differs), then the others start from a copy of it, as after a day
      Path first = work.resolve("ws-00");
      copyWorkstation(dir, first);
      try (Services s = signIn(first, pw)) {
        long b = System.nanoTime();
        int records = s.search().catchUp(fr.passerelle.core.Progress.NONE);
        System.out.printf(
            "search index brought up to the server: %d records in %d ms%n",
            records, (System.nanoTime() - b) / 1_000_000);
      }
      t = System.nanoTime();
      for (int i = 0; i < workstations; i++) {
        Path folder = work.resolve(String.format("ws-%02d", i));
        copyWorkstation(first, folder);
        desks.add(signIn(folder, pw));
      }
      System.out.printf(
          "%d workstations signed in: %d ms%n", workstations, (System.nanoTime() - t) / 1_000_000);
      OfficeLoadBenchmark bench = new OfficeLoadBenchmark(desks.get(0));
      Map<UUID, Integer> overBefore = bench.seats(desks.get(0));
      if (warmSeconds > 0) {
        // the first writes make each copied index merge its segments once: not a day's work
        bench.run(desks, warmSeconds, thinkMs);
        bench.micros.clear();
        System.out.printf("warmed up for %d s%n", warmSeconds);
      }
      bench.run(desks, seconds, thinkMs);
      bench.report(desks.get(0), overBefore);
    } finally {
      desks.forEach(Services::close);
    }
  }

  private static Services signIn(Path folder, String pw) {
    return Vault.standard()
        .signIn(folder, TestServices.ADMIN, pw.toCharArray(), "benchmark")
        .services();
  }

  /** A workstation's data folder: the office's descriptor, key slots and search index. */
  private static void copyWorkstation(Path from, Path to) throws IOException {
    if (Files.exists(to.resolve("passerelle.server"))) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path rel = from.relativize(f);
        if (rel.toString().isEmpty()
            || rel.startsWith("tmp")
            || rel.getFileName().toString().startsWith("before-server")
            || (rel.getNameCount() > 1 && rel.getName(0).toString().startsWith("before-server"))) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private void run(List<Services> desks, int seconds, long thinkMs) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(desks.size());
    for (int i = 0; i < desks.size(); i++) {
      Services s = desks.get(i);
      String name = String.format("w%02d", i);
      Random rnd = new Random(1000 + i);
      new Thread(
              () -> {
                try {
                  new Desk(s, name, rnd).day(end, thinkMs);
                } finally {
                  done.countDown();
                }
              },
              "workstation-" + name)
          .start();
    }
    done.await();
  }

  /** One workstation's counselor. */
  private final class Desk {
    private final Services s;
    private final String name;
    private final Random rnd;
    private List<CandidateSummary> hits = List.of();

    Desk(Services s, String name, Random rnd) {
      this.s = s;
      this.name = name;
      this.rnd = rnd;
    }

    void day(long end, long thinkMs) {
      while (System.nanoTime() < end) {
        try {
          Thread.sleep((long) (-Math.log(1 - rnd.nextDouble()) * thinkMs));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        int pick = rnd.nextInt(100);
        try {
          if (pick < 35 || hits.isEmpty()) {
            search();
          } else if (pick < 60) {
            timed("open", () -> s.candidates().find(hits.get(rnd.nextInt(hits.size())).id()));
          } else if (pick < 75) {
            edit();
          } else if (pick < 90) {
            invite();
          } else {
            attendance();
          }
        } catch (RuntimeException e) {
          errors.add(name + ": " + e);
        }
      }
    }

    private void search() {
      String surname = surnames.get(rnd.nextInt(surnames.size()));
      int letters = 2 + rnd.nextInt(Math.min(5, surname.length() - 1));
      for (int n = 1; n <= letters; n++) {
        CandidateQuery q = CandidateQuery.text(surname.substring(0, n));
        var page = timed("search (a keystroke)", () -> s.candidateSearch().page(q, 0, 50));
        if (!page.rows().isEmpty()) {
          hits = page.rows();
        }
      }
    }

    private void edit() {
      UUID id = hotFiles.get(rnd.nextInt(hotFiles.size()));
      String mark = "[" + name + "#" + marks.incrementAndGet() + "]";
      long t = System.nanoTime();
      for (int attempt = 0; ; attempt++) {
        CandidateDetail d = s.candidates().find(id).orElseThrow();
        String notes = d.notes() == null ? "" : d.notes();
        try {
          s.candidates().save(d.withNotes(notes + " " + mark), null);
          savedMarks.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(mark);
          break;
        } catch (EditConflictException e) {
          conflicts.incrementAndGet();
          if (attempt == 5) {
            throw e;
          }
        }
      }
      record("edit (read, save)", t);
    }

    private void invite() {
      UUID meeting = comingMeetings.get(rnd.nextInt(comingMeetings.size()));
      List<UUID> people = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        people.add(hits.get(rnd.nextInt(hits.size())).id());
      }
      timed("invite", () -> s.participants().inviteCandidates(meeting, List.copyOf(people)));
    }

    private void attendance() {
      UUID meeting = pastMeetings.get(rnd.nextInt(pastMeetings.size()));
      List<Participant> list = timed("attendance (the list)", () -> list(meeting));
      List<Participant> holders = new ArrayList<>(list);
      Collections.shuffle(holders, rnd);
      for (Participant p : holders.subList(0, Math.min(5, holders.size()))) {
        ParticipantStatus to =
            rnd.nextInt(5) == 0 ? ParticipantStatus.ABSENT : ParticipantStatus.PRESENT;
        try {
          timed("attendance (a mark)", () -> s.participants().setStatus(p.id(), p.version(), to));
        } catch (EditConflictException e) {
          conflicts.incrementAndGet();
        }
      }
    }

    private List<Participant> list(UUID meeting) {
      return s.participants().participants(meeting).stream()
          .filter(p -> p.candidateId() != null && p.status().holdsPlace())
          .toList();
    }
  }

  private <T> T timed(String action, java.util.function.Supplier<T> work) {
    long t = System.nanoTime();
    T r = work.get();
    record(action, t);
    return r;
  }

  private void record(String action, long startNanos) {
    micros
        .computeIfAbsent(action, k -> Collections.synchronizedList(new ArrayList<>()))
        .add((System.nanoTime() - startNanos) / 1_000);
  }

  /** Places held beyond capacity per meeting (the ones over before the run, to tell apart). */
  private Map<UUID, Integer> seats(Services s) {
    Map<UUID, Integer> over = new TreeMap<>();
    for (Record r :
        s.db()
            .dsl()
            .fetch(
                "select m.id, m.capacity, count(p.id) from meeting m join meeting_participant p"
                    + " on p.meeting_id = m.id and not p.deleted and p.role = 'CANDIDATE'"
                    + " and p.status in ('INVITED','CONFIRMED','PRESENT','ABSENT')"
                    + " where m.capacity is not null group by m.id, m.capacity"
                    + " having count(p.id) > m.capacity")) {
      over.put(r.get(0, UUID.class), r.get(2, Integer.class) - r.get(1, Integer.class));
    }
    return over;
  }

  private void report(Services s, Map<UUID, Integer> overBefore) {
    System.out.println("action | count | p50 ms | p95 ms | max ms");
    new TreeMap<>(micros)
        .forEach(
            (action, list) -> {
              List<Long> v;
              synchronized (list) {
                v = new ArrayList<>(list);
              }
              Collections.sort(v);
              System.out.printf(
                  "%s | %d | %.1f | %.1f | %.1f%n",
                  action,
                  v.size(),
                  v.get(v.size() / 2) / 1000.0,
                  v.get((int) Math.min(v.size() - 1, Math.ceil(v.size() * 0.95) - 1)) / 1000.0,
                  v.get(v.size() - 1) / 1000.0);
            });
    int lost = 0;
    int saved = 0;
    for (var e : savedMarks.entrySet()) {
      String notes = s.candidates().find(e.getKey()).orElseThrow().notes();
      for (String mark : e.getValue()) {
        saved++;
        if (notes == null || !notes.contains(mark)) {
          lost++;
        }
      }
    }
    Map<UUID, Integer> over = seats(s);
    over.entrySet().removeIf(e -> overBefore.getOrDefault(e.getKey(), -1) >= e.getValue());
    System.out.printf(
        "saves %d, lost updates %d, conflicts met %d, errors shown %d (warm-up included), meetings over capacity %d"
            + " (over before the run: %d)%n",
        saved, lost, conflicts.get(), errors.size(), over.size(), overBefore.size());
    errors.stream().limit(10).forEach(e -> System.out.println("  error: " + e));
  }
}
