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

  /** The centroids as points of the unit sphere, for {@link #within} without trigonometry. */
  private final double[] x;

  private final double[] y;
  private final double[] z;

  /** {@link #chordLimit} of the whole-km radii 0 to 1,000 (the mobility radii people state). */
  private final double[] chordLimits = new double[1001];

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
    x = new double[n];
    y = new double[n];
    z = new double[n];
    for (int i = 0; i < n; i++) {
      var r = rows.get(i);
      codes[i] = r.value1();
      names[i] = r.value2();
      lat[i] = r.value3() == null ? Double.NaN : r.value3();
      lon[i] = r.value4() == null ? Double.NaN : r.value4();
      index.put(codes[i], i);
      double p = Math.toRadians(lat[i]);
      double l = Math.toRadians(lon[i]);
      x[i] = Math.cos(p) * Math.cos(l);
      y[i] = Math.cos(p) * Math.sin(l);
      z[i] = Math.sin(p);
    }
    for (int km = 0; km < chordLimits.length; km++) {
      chordLimits[km] = chord2(km);
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

  /** The number of communes (their dense indexes are 0 to size − 1). */
  int size() {
    return codes.length;
  }

  /** The INSEE code of the commune of this dense index. */
  String codeOf(int i) {
    return codes[i];
  }

  /** The latitude of a commune's centroid in degrees ({@link Double#NaN} when not known). */
  double latitude(int i) {
    return lat[i];
  }

  public double km(String a, String b) {
    return km(indexOf(a), indexOf(b));
  }

  /**
   * True if b is at most {@code radiusKm} from a, as {@code km(a, b) <= radiusKm} answers. The
   * reach of every offer asks this of every group of candidates (hundreds of millions of times at
   * region scale), so it compares the straight chord between the two points of the unit sphere with
   * the chord of the radius — the same order as the great-circle distance, with no trigonometry —
   * and computes the haversine only for the rare pair within rounding of the limit.
   */
  public boolean within(int a, int b, double radiusKm) {
    if (a < 0 || b < 0 || !(radiusKm >= 0)) {
      return false;
    }
    if (a == b) {
      return true;
    }
    double dx = x[a] - x[b];
    double dy = y[a] - y[b];
    double dz = z[a] - z[b];
    double chord2 = dx * dx + dy * dy + dz * dz;
    double limit = chordLimit(radiusKm);
    if (Math.abs(chord2 - limit) <= 1e-9 * limit) {
      return km(a, b) <= radiusKm;
    }
    return chord2 < limit;
  }

  /**
   * The squared chord of a great-circle arc of {@code radiusKm}: {@code (2 sin(d / 2R))²}, which
   * equals 4 × the haversine's h at that distance.
   */
  private double chordLimit(double radiusKm) {
    int whole = (int) radiusKm;
    return whole == radiusKm && whole < chordLimits.length ? chordLimits[whole] : chord2(radiusKm);
  }

  private static double chord2(double radiusKm) {
    double s = 2 * Math.sin(Math.min(Math.PI / 2, radiusKm / (2 * Geo.EARTH_KM)));
    return s * s;
  }
}
