package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {
  @TempDir Path dir;

  @Test
  void generatesPrintsProgressAndASummaryThenRefusesASecondRun() {
    Result r = Cli.run(dir, "demo", "--candidates", "120", "--seed", "5", "--today", "2026-03-16");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Demo data generated", "seed 5, today 2026-03-16", "candidate ", "120")
        .contains("Database file compacted");
    assertThat(r.err()).contains("100 % Committing", "Candidates");
    assertThat(Cli.run(dir, "stats", "--json").out())
        .contains("\"candidate\" : 120", "\"job_offer\" : 60", "\"office\" : 3");

    Result again = Cli.run(dir, "demo", "--candidates", "10");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err().strip())
        .isEqualTo(
            "This installation already has 120 candidates: demo data only goes into an"
                + " installation without candidates (use another --data-dir).");
    assertThat(Cli.run(dir, "stats", "--json").out()).contains("\"candidate\" : 120");
  }

  @Test
  void zeroOrNegativeCandidatesAreRefusedWithOneLineAndNothingChanges() {
    for (String n : new String[] {"0", "-3"}) {
      Result r = Cli.run(dir, "demo", "--candidates", n);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip()).isEqualTo("--candidates must be at least 1 (got " + n + ").");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Cli.run(dir, "stats", "--json").out())
        .contains("\"office\" : 0", "\"candidate\" : 0");
  }

  @Test
  void badTodayOrOffersAreRefused() {
    Result date = Cli.run(dir, "demo", "--candidates", "10", "--today", "2026-13-01");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err().strip())
        .isEqualTo("--today: \"2026-13-01\" is not a date (expected YYYY-MM-DD).");
    Result offers = Cli.run(dir, "demo", "--candidates", "10", "--offers", "0");
    assertThat(offers.code()).isEqualTo(2);
    assertThat(offers.err().strip()).isEqualTo("--offers must be at least 1 (got 0).");
    Result notANumber = Cli.run(dir, "demo", "--candidates", "many");
    assertThat(notANumber.code()).isEqualTo(1);
    assertThat(Cli.run(dir, "stats", "--json").out()).contains("\"candidate\" : 0");
  }
}
