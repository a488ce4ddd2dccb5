package fr.passerelle.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CommuneGeo#within} answers as the haversine distance compared with the radius does, on the
 * real Occitanie communes of the reference data, including radii at a pair's exact distance.
 */
class CommuneGeoTest {
  @TempDir Path dir;
  Services s;
  CommuneGeo geo;

  @BeforeEach
  void open() {
    s = TestServices.open(dir);
    geo = new CommuneGeo(s.db().dsl());
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void withinAgreesWithTheDistanceForEveryPairAndRadius() {
    int communes = geo.size();
    assertTrue(communes > 4000, "reference communes loaded");
    long checked = 0;
    long inside = 0;
    for (int a = 0; a < communes; a += 11) {
      for (int b = 0; b < communes; b += 5) {
        double km = geo.km(a, b);
        for (double radius : new double[] {0, 5, 10, 30, 80, 200, km, Math.nextDown(km)}) {
          boolean expected = km <= radius;
          assertEquals(expected, geo.within(a, b, radius), a + " → " + b + " within " + radius);
          checked++;
          inside += expected ? 1 : 0;
        }
      }
    }
    assertTrue(inside > checked / 4 && inside < checked, "both answers met: " + inside);
  }

  @Test
  void unknownCommunesAndNegativeRadiiAreNeverWithin() {
    int toulouse = geo.indexOf("31555");
    assertTrue(geo.within(toulouse, toulouse, 0));
    assertFalse(geo.within(-1, toulouse, 50));
    assertFalse(geo.within(toulouse, -1, 50));
    assertFalse(geo.within(toulouse, geo.indexOf("31069"), -1));
    assertTrue(geo.within(toulouse, geo.indexOf("31069"), 30), "Blagnac is near Toulouse");
    assertFalse(geo.within(toulouse, geo.indexOf("66136"), 100), "Perpignan is not");
  }
}
