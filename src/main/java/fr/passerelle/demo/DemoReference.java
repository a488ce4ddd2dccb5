package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What the demo draws from: names (embedded lists), curated occupations (embedded, labels and job
 * titles from the ROME tables), and the real communes of Occitanie weighted by population.
 */
final class DemoReference {
  record Commune(
      String code,
      String name,
      String postalCode,
      String department,
      int population,
      boolean qpv) {}

  record Occupation(
      String romeCode,
      String label,
      double weight,
      double tension,
      String sector,
      List<String> titles) {}

  final Weighted<String> femaleFirstNames;
  final Weighted<String> maleFirstNames;
  final Weighted<String> lastNames;
  final Weighted<Commune> communes;
  final Map<String, Weighted<Commune>> communesByDepartment = new HashMap<>();
  final Map<String, Commune> communeByCode = new HashMap<>();

  /** Share of the population living in a commune with a QPV. */
  final double qpvPopulationShare;

  final Weighted<Occupation> occupations;

  /** Occupations weighted towards tension: targets of reconversions. */
  final Weighted<Occupation> tenseOccupations;

  final Map<String, Occupation> occupationByCode = new HashMap<>();
  final List<Occupation> occupationList;

  private DemoReference(DSLContext ctx) {
    List<String> female = new ArrayList<>();
    List<String> male = new ArrayList<>();
    for (String line : lines("first-names.txt")) {
      String[] p = line.split(";", 2);
      (p[0].equals("F") ? female : male).add(p[1]);
    }
    femaleFirstNames = Weighted.byRank(distinct(female), 12);
    maleFirstNames = Weighted.byRank(distinct(male), 12);
    lastNames = Weighted.byRank(distinct(lines("last-names.txt")), 20);

    List<Commune> all =
        ctx.selectFrom(COMMUNE)
            .orderBy(COMMUNE.INSEE_CODE)
            .fetch(
                r ->
                    new Commune(
                        r.getInseeCode(),
                        r.getName(),
                        r.getPostalCodes().split("\\|")[0],
                        r.getDepartment(),
                        r.getPopulation(),
                        r.getQpv()));
    if (all.isEmpty()) {
      throw new IllegalStateException("the commune reference table is empty");
    }
    communes = new Weighted<>(all, Commune::population);
    long total = 0;
    long inQpv = 0;
    Map<String, List<Commune>> byDept = new HashMap<>();
    for (Commune c : all) {
      communeByCode.put(c.code(), c);
      total += c.population();
      inQpv += c.qpv() ? c.population() : 0;
      byDept.computeIfAbsent(c.department(), d -> new ArrayList<>()).add(c);
    }
    byDept.forEach(
        (d, list) -> communesByDepartment.put(d, new Weighted<>(list, c -> c.population())));
    qpvPopulationShare = total == 0 ? 0 : (double) inQpv / total;

    Map<String, String> labels =
        ctx.select(OCCUPATION.ROME_CODE, OCCUPATION.LABEL)
            .from(OCCUPATION)
            .fetchMap(OCCUPATION.ROME_CODE, OCCUPATION.LABEL);
    Map<String, List<String>> titles = new HashMap<>();
    ctx.select(OCCUPATION_TITLE.ROME_CODE, OCCUPATION_TITLE.SHORT_LABEL)
        .from(OCCUPATION_TITLE)
        .orderBy(OCCUPATION_TITLE.TITLE_CODE)
        .forEach(r -> titles.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    List<Occupation> occ = new ArrayList<>();
    for (String line : lines("occupations.csv")) {
      if (line.startsWith("code,")) {
        continue;
      }
      String[] p = line.split(",");
      String label = labels.get(p[0]);
      if (label == null) {
        continue; // not in this ROME version
      }
      List<String> t = titles.getOrDefault(p[0], List.of());
      occ.add(
          new Occupation(
              p[0],
              label,
              Double.parseDouble(p[1]),
              Double.parseDouble(p[2]),
              p[3],
              t.isEmpty() ? List.of(label) : List.copyOf(t)));
    }
    occupationList = List.copyOf(occ);
    occ.forEach(o -> occupationByCode.put(o.romeCode(), o));
    occupations = new Weighted<>(occ, Occupation::weight);
    tenseOccupations = new Weighted<>(occ, o -> o.weight() * o.tension() * o.tension());
  }

  static DemoReference load(DSLContext ctx) {
    return new DemoReference(ctx);
  }

  /** A commune of the department, by population, or of the region if the department is unknown. */
  Commune communeIn(String department, java.util.SplittableRandom rnd) {
    Weighted<Commune> w = communesByDepartment.get(department);
    return (w == null ? communes : w).pick(rnd);
  }

  private static List<String> distinct(List<String> names) {
    Set<String> set = new LinkedHashSet<>(names);
    return List.copyOf(set);
  }

  /** Non-blank, non-comment lines of an embedded resource. */
  static List<String> lines(String resource) {
    try (InputStream in = DemoReference.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
