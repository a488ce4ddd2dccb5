package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.OCCUPATION_TITLE;

import fr.passerelle.core.Geo;
import fr.passerelle.db.TextNorm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The reference data search and import need on every keystroke and every row (communes with their
 * centroids, ROME occupations and job titles), held in memory: about 19,000 short rows. Loaded
 * once, on first use, off the FX thread.
 */
public final class ReferenceLookup {
  /** A commune and its centroid (may be null). */
  public record Commune(
      String inseeCode, String name, String nameNorm, String postalCodes, Double lat, Double lon) {}

  /** A ROME occupation. */
  public record Occupation(String romeCode, String label, String domainCode, String labelNorm) {}

  private final Map<String, Commune> communes = new HashMap<>();
  private final Map<String, List<Commune>> communesByName = new HashMap<>();
  private final Map<String, Occupation> occupations = new HashMap<>();
  private final List<String[]> titles = new ArrayList<>(); // {romeCode, " " + labelNorm}

  public ReferenceLookup(DSLContext dsl) {
    dsl.selectFrom(COMMUNE)
        .forEach(
            r -> {
              Commune c =
                  new Commune(
                      r.getInseeCode(),
                      r.getName(),
                      r.getNameNorm(),
                      r.getPostalCodes(),
                      r.getLatitude(),
                      r.getLongitude());
              communes.put(c.inseeCode(), c);
              communesByName.computeIfAbsent(c.nameNorm(), k -> new ArrayList<>()).add(c);
            });
    dsl.selectFrom(OCCUPATION)
        .forEach(
            r ->
                occupations.put(
                    r.getRomeCode(),
                    new Occupation(
                        r.getRomeCode(), r.getLabel(), r.getDomainCode(), r.getLabelNorm())));
    dsl.select(OCCUPATION_TITLE.ROME_CODE, OCCUPATION_TITLE.LABEL_NORM)
        .from(OCCUPATION_TITLE)
        .forEach(r -> titles.add(new String[] {r.value1(), " " + r.value2()}));
  }

  public Optional<Commune> commune(String inseeCode) {
    return Optional.ofNullable(inseeCode == null ? null : communes.get(inseeCode.trim()));
  }

  /** The communes with this exact name (accents and case ignored): several may share one. */
  public List<Commune> communesNamed(String name) {
    return communesByName.getOrDefault(TextNorm.normalize(name), List.of());
  }

  /**
   * Resolves what a file or a form gives as commune: an INSEE code, or a name that designates
   * exactly one commune. Empty when unknown or ambiguous.
   */
  public Optional<Commune> resolveCommune(String codeOrName) {
    if (codeOrName == null || codeOrName.isBlank()) {
      return Optional.empty();
    }
    String t = codeOrName.trim();
    if (t.matches("\\d[0-9AB]\\d{3}")) {
      return commune(t.toUpperCase(Locale.ROOT));
    }
    List<Commune> named = communesNamed(t);
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  public Optional<Occupation> occupation(String romeCode) {
    return Optional.ofNullable(
        romeCode == null ? null : occupations.get(romeCode.trim().toUpperCase(Locale.ROOT)));
  }

  /** ROME codes of a domain (e.g. "N11"). */
  public Set<String> occupationsOfDomain(String domainCode) {
    Set<String> out = new LinkedHashSet<>();
    occupations.values().stream()
        .filter(o -> o.domainCode().equalsIgnoreCase(domainCode))
        .forEach(o -> out.add(o.romeCode()));
    return out;
  }

  /** INSEE codes of communes with a word of their name starting with {@code word}. */
  public Set<String> communesWithWord(String word) {
    String needle = " " + word;
    Set<String> out = new LinkedHashSet<>();
    for (Commune c : communes.values()) {
      if ((" " + c.nameNorm()).contains(needle)) {
        out.add(c.inseeCode());
      }
    }
    return out;
  }

  /** ROME codes whose label or one of whose job titles has a word starting with {@code word}. */
  public Set<String> occupationsWithWord(String word) {
    String needle = " " + word;
    Set<String> out = new LinkedHashSet<>();
    for (Occupation o : occupations.values()) {
      if ((" " + o.labelNorm()).contains(needle)) {
        out.add(o.romeCode());
      }
    }
    for (String[] t : titles) {
      if (t[1].contains(needle)) {
        out.add(t[0]);
      }
    }
    return out;
  }

  /**
   * Communes whose centroid lies within {@code km} of the centroid of {@code centre}: a bounding
   * box first, then the haversine distance. The centre itself is always included.
   */
  public Set<String> communesWithin(String centre, double km) {
    Set<String> out = new LinkedHashSet<>();
    Commune c = communes.get(centre);
    if (c == null) {
      return out;
    }
    out.add(c.inseeCode());
    if (c.lat() == null || c.lon() == null || km <= 0) {
      return out;
    }
    double dLat = Math.toDegrees(km / Geo.EARTH_KM);
    double dLon = Math.toDegrees(km / (Geo.EARTH_KM * Math.cos(Math.toRadians(c.lat()))));
    for (Commune o : communes.values()) {
      if (o.lat() == null || o.lon() == null) {
        continue;
      }
      if (Math.abs(o.lat() - c.lat()) > dLat || Math.abs(o.lon() - c.lon()) > dLon) {
        continue;
      }
      if (distanceKm(c.lat(), c.lon(), o.lat(), o.lon()) <= km) {
        out.add(o.inseeCode());
      }
    }
    return out;
  }

  /** Great-circle distance between two points, in km. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    return Geo.distanceKm(lat1, lon1, lat2, lon2);
  }

  /** A commune name for display ("Toulouse (31)"), or the code if unknown. */
  public String communeLabel(String inseeCode) {
    return commune(inseeCode).map(Commune::name).orElse(inseeCode == null ? "" : inseeCode);
  }

  /** All communes, for autocomplete. */
  public List<Commune> communes() {
    return List.copyOf(communes.values());
  }
}
