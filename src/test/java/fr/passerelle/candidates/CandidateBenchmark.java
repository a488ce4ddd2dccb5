package fr.passerelle.candidates;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark harness (not a test): {@code generate DIR N} loads N synthetic candidates, {@code
 * search DIR} measures search as you type and a filtered list, {@code import DIR N} times a CSV
 * import of N new candidates. See docs/benchmarks.md for the commands.
 */
public final class CandidateBenchmark {
  static final String[] LAST = {
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Müller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martínez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Leclercq",
    "Guillaume",
    "Lecomte",
    "López",
    "Jean",
    "Dupuy",
    "Guillot",
    "Hubert",
    "Berger",
    "Carpentier",
    "Sánchez",
    "Dupuis",
    "Moulin",
    "Louis",
    "Deschamps",
    "Huet",
    "Vasseur",
    "Perez",
    "Boucher",
    "Fleury",
    "Royer",
    "Klein",
    "Jacquet",
    "Adam",
    "Paris",
    "Poirier",
    "Marty",
    "Aubry",
    "Guyot",
    "Carré",
    "Charles",
    "Renault",
    "Charpentier",
    "Ménard",
    "Maillard",
    "Baron",
    "Bertin",
    "Bailly",
    "Hervé",
    "Schneider",
    "Fernández",
    "Le Gall",
    "Collet",
    "Léger",
    "Bouvier",
    "Julien",
    "Prévost",
    "Millet",
    "Perrot",
    "Daniel",
    "Le Roux",
    "Cousin",
    "Germain",
    "Breton",
    "Besson",
    "Langlois",
    "Rémy",
    "Le Goff",
    "Pelletier",
    "Lévêque",
    "Perrier",
    "Leblanc",
    "Barré",
    "Lebrun",
    "Marchal",
    "Weber",
    "Mallet",
    "Hamon",
    "Boulanger",
    "Jacob",
    "Monnier",
    "Michaud",
    "Rodríguez",
    "Guichard",
    "Gillet",
    "Étienne",
    "Grondin",
    "Poulain",
    "Tessier",
    "Chevallier",
    "Collin",
    "Chauvin",
    "Da Silva",
    "Bouchet",
    "Gay",
    "Lemaître",
    "Bénard",
    "Maréchal",
    "Humbert",
    "Reynaud",
    "Antoine",
    "Hoarau",
    "Perret",
    "Barthélemy",
    "Cordier",
    "Pichon",
    "Lejeune",
    "Gilbert",
    "Lamy",
    "Delaunay",
    "Pasquier",
    "Carlier",
    "Laporte",
    "Benali",
    "Haddad",
    "Nguyen",
    "Traoré",
    "Diallo",
    "Mendy"
  };
  static final String[] FIRST = {
    "Jean",
    "Marie",
    "Hélène",
    "Léa",
    "Chloé",
    "Emma",
    "Inès",
    "Zoé",
    "Louise",
    "Camille",
    "Manon",
    "Sarah",
    "Lucas",
    "Hugo",
    "Louis",
    "Gabriel",
    "Arthur",
    "Jules",
    "Raphaël",
    "Adam",
    "Noé",
    "Paul",
    "Théo",
    "Nathan",
    "Éric",
    "Stéphane",
    "Sébastien",
    "Frédéric",
    "Céline",
    "Valérie",
    "Sandrine",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Christophe",
    "Laurent",
    "Nicolas",
    "Julien",
    "Aurélie",
    "Élodie",
    "Mélanie",
    "Jérôme",
    "Cédric",
    "Grégory",
    "Anaïs",
    "Océane",
    "Maëlle",
    "Noémie",
    "Clément",
    "Benoît",
    "François",
    "Françoise",
    "Gérard",
    "Michèle",
    "André",
    "Agnès",
    "Karim",
    "Yasmine",
    "Mohamed",
    "Fatima",
    "Amadou",
    "Aïcha",
    "Mehdi",
    "Sofiane",
    "Leïla",
    "Kévin",
    "Jessica",
    "Mathéo",
    "Enzo",
    "Lina",
    "Jade",
    "Rose",
    "Alice",
    "Ambre",
    "Lou",
    "Anna",
    "Mila",
    "Julia",
    "Romane",
    "Éva",
    "Victor",
    "Martin",
    "Axel",
    "Maxime",
    "Thomas",
    "Antoine",
    "Alexandre",
    "Quentin",
    "Romain",
    "Pauline",
    "Margaux",
    "Justine",
    "Clémence",
    "Gaëlle",
    "Solène",
    "Joël",
    "Noël",
    "Loïc",
    "Gaël",
    "Hervé",
    "Rémi",
    "Aurélien",
    "Damien",
    "Fabien"
  };

  /** The texts typed letter by letter, as a counselor would (other harnesses type them too). */
  public static final String[] TYPED = {
    "lefevre helene",
    "garcia",
    "martin paul",
    "toulouse",
    "cariste",
    "macon",
    "helene albi",
    "boulanger",
    "perpignan",
    "dubois",
    "aide soignant",
    "nguyen"
  };

  private CandidateBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    Path index = dir.resolve("search-index");
    if (args[0].equals("build") && java.nio.file.Files.exists(index)) {
      try (var files = java.nio.file.Files.walk(index)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    try (Services s = fr.passerelle.testsupport.TestServices.openAny(dir)) {
      if (s.offices().current().isEmpty()) {
        s.offices()
            .init("Agence Toulouse Matabiau", fr.passerelle.office.OfficeKind.FRANCE_TRAVAIL, null);
      }
      switch (args[0]) {
        case "generate" -> generate(s, Integer.parseInt(args[2]), 42);
        case "search" -> search(s, Integer.parseInt(args.length > 2 ? args[2] : "3"));
        case "find" -> find(s, Integer.parseInt(args.length > 2 ? args[2] : "3"));
        case "build" -> build(s);
        case "import" ->
            importCsv(
                s,
                dir,
                Integer.parseInt(args[2]),
                args.length > 3 ? ImportMode.valueOf(args[3]) : ImportMode.ALL_OR_NOTHING);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  static CandidateDetail person(Random rnd, List<String> communes, List<String> romes, int i) {
    String last = LAST[rnd.nextInt(LAST.length)];
    if (rnd.nextInt(4) == 0) {
      last = last + "-" + LAST[rnd.nextInt(LAST.length)];
    }
    String first = FIRST[rnd.nextInt(FIRST.length)];
    int nOcc = 1 + rnd.nextInt(2);
    List<CandidateDetail.TargetOccupation> occ = new ArrayList<>();
    for (int k = 0; k < nOcc; k++) {
      String r = romes.get(rnd.nextInt(romes.size()));
      if (occ.stream().noneMatch(o -> o.romeCode().equals(r))) {
        occ.add(new CandidateDetail.TargetOccupation(r, null, rnd.nextInt(15)));
      }
    }
    List<CandidateDetail.Criterion> crit = new ArrayList<>();
    if (rnd.nextInt(10) == 0) {
      crit.add(
          new CandidateDetail.Criterion(
              PriorityCriterion.RQTH,
              LocalDate.of(2020 + rnd.nextInt(5), 1 + rnd.nextInt(12), 1),
              rnd.nextBoolean(),
              null));
    }
    if (rnd.nextInt(6) == 0) {
      crit.add(new CandidateDetail.Criterion(PriorityCriterion.DELD, null, false, null));
    }
    if (rnd.nextInt(8) == 0) {
      crit.add(new CandidateDetail.Criterion(PriorityCriterion.RSA, null, false, null));
    }
    return new CandidateDetail(
        null,
        null,
        last,
        first,
        LocalDate.of(1960 + rnd.nextInt(45), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
        "c" + i + "@exemple.fr",
        String.format("06%08d", i),
        null,
        communes.get(
            (int)
                Math.min(communes.size() - 1, Math.abs(rnd.nextGaussian()) * communes.size() / 4)),
        null,
        5 * rnd.nextInt(11),
        rnd.nextBoolean(),
        rnd.nextInt(3) == 0 ? LocalDate.of(2026, 1 + rnd.nextInt(12), 1) : null,
        CandidateStatus.values()[rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(4)],
        null,
        null,
        occ,
        crit,
        new CandidateDetail.Consent(rnd.nextInt(3) > 0, null, rnd.nextInt(4) == 0, null, null));
  }

  static List<String> communesByPopulation(Services s) {
    return s.db()
        .dsl()
        .select(fr.passerelle.db.jooq.Tables.COMMUNE.INSEE_CODE)
        .from(fr.passerelle.db.jooq.Tables.COMMUNE)
        .orderBy(fr.passerelle.db.jooq.Tables.COMMUNE.POPULATION.desc())
        .fetch(fr.passerelle.db.jooq.Tables.COMMUNE.INSEE_CODE);
  }

  static List<String> romes(Services s) {
    return s.db()
        .dsl()
        .select(fr.passerelle.db.jooq.Tables.OCCUPATION.ROME_CODE)
        .from(fr.passerelle.db.jooq.Tables.OCCUPATION)
        .fetch(fr.passerelle.db.jooq.Tables.OCCUPATION.ROME_CODE);
  }

  static void generate(Services s, int n, long seed) {
    load(s, n, seed);
    s.db().compact();
  }

  /** Writes n synthetic candidates through the import path (tests use a small n). */
  static void load(Services s, int n, long seed) {
    CandidateService c = s.candidates();
    Random rnd = new Random(seed);
    List<String> communes = communesByPopulation(s);
    List<String> romes = romes(s);
    long t0 = System.nanoTime();
    int batch = 2_000;
    for (int from = 0; from < n; from += batch * 10) {
      int start = from;
      s.db()
          .dsl()
          .transaction(
              cfg -> {
                for (int b = start; b < Math.min(n, start + batch * 10); b += batch) {
                  List<CandidateDetail> rows = new ArrayList<>();
                  for (int i = b; i < Math.min(n, b + batch); i++) {
                    rows.add(person(rnd, communes, romes, i));
                  }
                  c.store().insertNew(cfg.dsl(), rows, c.now());
                }
              });
      System.out.printf(
          "%d / %d  %.1f s%n", Math.min(n, from + batch * 10), n, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf("generated %d in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  /** Times the search index's build from the database (its folder deleted first by main). */
  static void build(Services s) {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long t = System.nanoTime();
    long cpu = os.getProcessCpuTime(); // every thread's: the build runs on several (ADR 0187)
    int n = s.search().catchUp(fr.passerelle.core.Progress.NONE);
    System.out.printf(
        "search index built from scratch: %d records in %.1f s, process CPU %.1f s (%s)%n",
        n,
        (System.nanoTime() - t) / 1e9,
        (os.getProcessCpuTime() - cpu) / 1e9,
        s.search().status());
  }

  /**
   * The index alone (no summary read from the database): the same keystrokes as {@link #search}
   * answered by {@code SearchService.find} (50 hits from the index's stored fields), to tell the
   * index's share of a keystroke (e.g. the cost of its encrypted files, ADR 0171) from the
   * database's.
   */
  static void find(Services s, int runs) {
    s.search().catchUp(fr.passerelle.core.Progress.NONE);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int r = 0; r < runs + 1; r++) { // the first round warms up, not counted
      for (String w : TYPED) {
        for (int len = 1; len <= w.length(); len++) {
          String typed = w.substring(0, len);
          if (typed.endsWith(" ")) {
            continue;
          }
          long t = System.nanoTime();
          long c = threads.getCurrentThreadCpuTime();
          s.search().find(fr.passerelle.search.Kind.CANDIDATE, typed, 50).orElseThrow();
          if (r > 0) {
            wall.add(System.nanoTime() - t);
            cpu.add(threads.getCurrentThreadCpuTime() - c);
          }
        }
      }
    }
    report("index alone, 50 hits per keystroke", wall);
    report("  same, CPU time of the searching thread", cpu);
  }

  static void search(Services s, int runs) {
    CandidateService c = s.candidates();
    CandidateSearch cs = s.candidateSearch();
    c.reference();
    Random rnd = new Random(7);
    List<Long> all = new ArrayList<>();
    List<Long> allCpu = new ArrayList<>();
    List<Long> filtered = new ArrayList<>();
    List<Long> filteredCpu = new ArrayList<>();
    List<Keystroke> slowest = new ArrayList<>();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    String[] words = TYPED;
    long built = System.nanoTime();
    int indexed = s.search().catchUp(fr.passerelle.core.Progress.NONE);
    System.out.printf(
        "search index brought up to date: %d records in %.1f s (%s)%n",
        indexed, (System.nanoTime() - built) / 1e9, s.search().status());
    for (int warm = 0; warm < 2; warm++) {
      cs.page(CandidateQuery.text("warm" + warm), 0, 50);
    }
    for (int r = 0; r < runs; r++) {
      for (String w : words) {
        // type it letter by letter, as the view does (after the 150 ms debounce, each keystroke)
        for (int len = 1; len <= w.length(); len++) {
          String typed = w.substring(0, len);
          if (typed.endsWith(" ")) {
            continue;
          }
          long t = System.nanoTime();
          long cpu = threads.getCurrentThreadCpuTime();
          CandidatePage p = cs.page(CandidateQuery.text(typed), 0, 50);
          all.add(System.nanoTime() - t);
          allCpu.add(threads.getCurrentThreadCpuTime() - cpu);
          slowest.add(new Keystroke(typed, all.get(all.size() - 1), allCpu.get(allCpu.size() - 1)));
          if (r == 0 && len == w.length()) {
            System.out.printf(
                "  %-16s %6s matches  %.1f ms%n",
                typed,
                p.totalCapped() ? ">" + p.total() : p.total(),
                (System.nanoTime() - t) / 1e6);
          }
        }
      }
      CandidateQuery[] qs = {
        CandidateQuery.all().withOccupation(null, "N11").withArea("31555", 30),
        CandidateQuery.all()
            .withOccupation("J1501", null)
            .withArea("34172", 20)
            .withCriteria(Set.of(PriorityCriterion.RQTH)),
        CandidateQuery.all()
            .withAvailableBy(LocalDate.of(2026, 3, 1))
            .withStatus(CandidateStatus.ACTIVE)
            .withConsentShare(true)
            .withArea("31555", 10),
        CandidateQuery.text("martin")
            .withArea("31555", 50)
            .withCriteria(Set.of(PriorityCriterion.DELD, PriorityCriterion.RSA)),
      };
      for (CandidateQuery q : qs) {
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        CandidatePage p = cs.page(q, 0, 50);
        filtered.add(System.nanoTime() - t);
        filteredCpu.add(threads.getCurrentThreadCpuTime() - cpu);
        if (r == 0) {
          System.out.printf(
              "  filtered %s: %d%s matches, %.1f ms%n",
              q, p.total(), p.totalCapped() ? "+" : "", (System.nanoTime() - t) / 1e6);
        }
      }
    }
    // whole words with one or two typos, as typed when the counselor finished the word
    String[] typos = {
      "lefvre", "lefebvre", "dubios", "garcai", "nguyem", "boulangre", "perpignam", "toulouze",
      "martn", "bernad", "helenne", "aide soignnat", "carriste", "fontenne", "richar", "moreaux"
    };
    List<Long> typo = new ArrayList<>();
    List<Long> typoCpu = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      for (String w : typos) {
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        CandidatePage p = cs.page(CandidateQuery.text(w), 0, 50);
        typo.add(System.nanoTime() - t);
        typoCpu.add(threads.getCurrentThreadCpuTime() - cpu);
        if (r == 0) {
          System.out.printf(
              "  typo %-16s %6s matches, first %s, %.1f ms%n",
              w,
              p.totalCapped() ? ">" + p.total() : p.total(),
              p.rows().isEmpty() ? "-" : p.rows().get(0).displayName(),
              (System.nanoTime() - t) / 1e6);
        }
      }
    }
    report("search as you type (page of 50 + capped count, per keystroke)", all);
    report("words with typos (page of 50 + count)", typo);
    report("  same, CPU time of the searching thread", typoCpu);
    report(
        "  keystrokes whose last word has 1-3 letters, CPU",
        slowest.stream().filter(k -> k.lastWord() <= 3).map(Keystroke::cpu).toList());
    report(
        "  keystrokes whose last word has 4+ letters, CPU",
        slowest.stream().filter(k -> k.lastWord() > 3).map(Keystroke::cpu).toList());
    slowest.sort(java.util.Comparator.comparingLong(Keystroke::cpu).reversed());
    System.out.println(
        "  slowest keystrokes (CPU ms): "
            + slowest.stream()
                .limit(12)
                .map(k -> String.format("\"%s\" %.1f", k.typed(), k.cpu() / 1e6))
                .toList());
    report("  same, CPU time of the searching thread", allCpu);
    report("filtered list (page of 50 + count)", filtered);
    report("  same, CPU time of the searching thread", filteredCpu);
    // page deep in a large result (scrolling)
    List<Long> deep = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long t = System.nanoTime();
      cs.search(CandidateQuery.text("ma"), 2000 + i * 50, 50);
      deep.add(System.nanoTime() - t);
    }
    report("next page while scrolling (offset 2000+)", deep);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "heap used after GC: %d MB (max %d MB)%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    System.out.printf(
        "candidates: %d, search index: %s%n", cs.count(CandidateQuery.all()), s.search().status());
    rnd.nextInt();
  }

  /** One keystroke's query and its wall and CPU nanoseconds. */
  record Keystroke(String typed, long wall, long cpu) {
    int lastWord() {
      return typed.substring(typed.lastIndexOf(' ') + 1).length();
    }
  }

  /** Prints count, p50, p95 and max of these nanoseconds, in milliseconds. */
  public static void report(String what, List<Long> nanos) {
    if (nanos.isEmpty()) {
      return;
    }
    long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
        what,
        a.length,
        a[a.length / 2] / 1e6,
        a[(int) (a.length * 0.95)] / 1e6,
        a[a.length - 1] / 1e6);
  }

  static void importCsv(Services s, Path dir, int n, ImportMode mode) throws Exception {
    Path csv = dir.resolveSibling("import-" + n + ".csv");
    Random rnd = new Random(99);
    List<String> communes = communesByPopulation(s);
    List<String> romes = romes(s);
    try (TabularWriter w =
        TabularWriter.open(
            csv,
            "c",
            List.of(
                "last_name",
                "first_name",
                "birth_date",
                "email",
                "phone",
                "commune",
                "mobility_km",
                "occupations",
                "criteria",
                "consent_share"))) {
      for (int i = 0; i < n; i++) {
        CandidateDetail d = person(rnd, communes, romes, 10_000_000 + i);
        w.write(
            Arrays.asList(
                d.lastName(),
                d.firstName(),
                d.birthDate().toString(),
                "i" + i + "@import.fr",
                String.format("07%08d", i),
                d.communeCode(),
                d.mobilityKm().toString(),
                String.join(
                    " | ",
                    d.occupations().stream()
                        .map(o -> o.romeCode() + ":" + o.experienceYears())
                        .toList()),
                String.join(" | ", d.criteria().stream().map(k -> k.kind().name()).toList()),
                d.consent().share() ? "oui" : "non"));
      }
    }
    System.out.printf("file %s: %d MB%n", csv, Files.size(csv) >> 20);
    long t = System.nanoTime();
    ImportReport r = s.candidates().transfer().importFile(csv, mode, Progress.NONE);
    double took = (System.nanoTime() - t) / 1e9;
    System.out.printf(
        "import of %d rows (%s): %.1f s, created %d, errors %d%n",
        n, mode, took, r.created(), r.errorCount());
    r.describe(5).forEach(System.out::println);
    // issue 20's bound: the same file read by H2's CSVREAD into a table of its own, same database
    long b = System.nanoTime();
    s.db()
        .dsl()
        .execute(
            "CREATE TABLE import_bound AS SELECT * FROM CSVREAD('"
                + csv
                + "', NULL, 'charset=UTF-8 fieldSeparator=;')");
    double bound = (System.nanoTime() - b) / 1e9;
    s.db().dsl().execute("DROP TABLE import_bound");
    System.out.printf(
        "CSVREAD of the same file: %.1f s; import / bound = %.2f%n", bound, took / bound);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "heap used after GC: %d MB (max %d MB)%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }
}
