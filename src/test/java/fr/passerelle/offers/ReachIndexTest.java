package fr.passerelle.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reach index's counts by latitude band (ADR 0209) equal the count of every candidate of the
 * occupation whose radius holds the commune, on demo candidates spread over Occitanie.
 */
class ReachIndexTest {
  @TempDir Path dir;

  @Test
  void everyCountEqualsTheCandidatesWhoseRadiusHoldsTheCommune() {
    try (Services s = TestServices.open(dir)) {
      new DemoService(s)
          .generate(
              new DemoService.Options(3000, 11, 100, LocalDate.of(2026, 12, 7)), Progress.NONE);
      CommuneGeo geo = new CommuneGeo(s.db().dsl());
      CandidatePool pool = CandidatePool.build(s.db().dsl(), geo, "test");
      ReachIndex index = ReachIndex.of(pool, geo);
      int communes = geo.size();
      long pairs = 0;
      long reached = 0;
      for (String rome : pool.romeCodes()) {
        for (int c = 0; c < communes; c += 13) {
          int expected = 0;
          for (int n : pool.candidatesOf(rome)) {
            int home = pool.commune(n);
            if (home >= 0 && geo.km(home, c) <= pool.radiusKm(n)) {
              expected++;
            }
          }
          String code = geo.codeOf(c);
          assertEquals(expected, index.inReach(rome, code), rome + " at " + code);
          int other = (c * 7 + 5) % communes;
          int either = 0;
          for (int n : pool.candidatesOf(rome)) {
            int home = pool.commune(n);
            if (home >= 0
                && (geo.km(home, c) <= pool.radiusKm(n)
                    || geo.km(home, other) <= pool.radiusKm(n))) {
              either++;
            }
          }
          assertEquals(
              either,
              index.inReachOfAny(rome, java.util.List.of(code, geo.codeOf(other))),
              rome + " at " + code + " or " + geo.codeOf(other));
          pairs++;
          reached += expected > 0 ? 1 : 0;
        }
      }
      assertTrue(reached > 100 && reached < pairs, reached + " of " + pairs + " pairs reached");
      assertEquals(0, index.inReach(pool.romeCodes().iterator().next(), "99999"), "unknown");
    }
  }
}
