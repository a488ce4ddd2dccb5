package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.COMMUNE;

import fr.passerelle.core.Geo;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Commune centroids (reference data, read once) and great-circle distances between them. Communes
 * are numbered densely so that reach computations work on int indexes.
 */
public final class CommuneGeo {
  private static final double KM_PER_DEGREE_LAT = 111.2;

  private final Map<String, Integer> index = new HashMap<>();
  private final String[] codes;
  private final String[] names;
  private final double[] lat;
  private final double[] lon;

  public CommuneGeo(DSLContext dsl) {
    var rows =
        dsl.select(COMMUNE.INSEE_CODE, COMMUNE.NAME, COMMUNE.LATITUDE, COMMUNE.LONGITUDE)
            .from(COMMUNE)
            .orderBy(COMMUNE.INSEE_CODE)
            .fetch();
    int n = rows.size();
    codes = new String[n];
    names = new String[n];
    lat = new double[n];
    lon = new double[n];
    for (int i = 0; i < n; i++) {
      var r = rows.get(i);
      codes[i] = r.value1();
      names[i] = r.value2();
      lat[i] = r.value3() == null ? Double.NaN : r.value3();
      lon[i] = r.value4() == null ? Double.NaN : r.value4();
      index.put(codes[i], i);
    }
  }

  /** Communes whose name starts with the typed text (accents, case ignored): "code name". */
  public java.util.List<String> search(String text, int limit) {
    String q = fr.passerelle.db.TextNorm.normalize(text);
    java.util.List<String> out = new java.util.ArrayList<>();
    if (q.isEmpty()) {
      return out;
    }
    for (int i = 0; i < codes.length && out.size() < limit; i++) {
      if (codes[i].startsWith(q) || fr.passerelle.db.TextNorm.normalize(names[i]).startsWith(q)) {
        out.add(codes[i] + " " + names[i]);
      }
    }
    return out;
  }

  /** The dense index of a commune, or -1 if unknown. */
  public int indexOf(String inseeCode) {
    Integer i = inseeCode == null ? null : index.get(inseeCode);
    return i == null ? -1 : i;
  }

  public boolean exists(String inseeCode) {
    return indexOf(inseeCode) >= 0;
  }

  public String name(String inseeCode) {
    int i = indexOf(inseeCode);
    return i < 0 ? inseeCode : names[i];
  }

  /**
   * Haversine distance in km between two communes' centroids; {@link Double#NaN} if either is
   * unknown or has no coordinates. The same commune is at 0 km.
   */
  public double km(int a, int b) {
    if (a < 0 || b < 0) {
      return Double.NaN;
    }
    if (a == b) {
      return 0;
    }
    return Geo.distanceKm(lat[a], lon[a], lat[b], lon[b]);
  }

  public double km(String a, String b) {
    return km(indexOf(a), indexOf(b));
  }

  /**
   * True if b is at most {@code radiusKm} from a. Rejects on latitude alone first (cheap), the
   * bounding-box pre-filter of reach computations.
   */
  public boolean within(int a, int b, double radiusKm) {
    if (a < 0 || b < 0) {
      return false;
    }
    if (a == b) {
      return true;
    }
    if (Math.abs(lat[a] - lat[b]) * KM_PER_DEGREE_LAT > radiusKm) {
      return false;
    }
    return km(a, b) <= radiusKm;
  }
}
