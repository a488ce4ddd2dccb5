package fr.passerelle.cli;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffersCliTest {
  @TempDir Path dir;
  UUID recent;
  UUID old;
  UUID best;

  @BeforeEach
  void setUp() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      OfferFixtures f = new OfferFixtures(s);
      // the office's day (Europe/Paris), as the command counts: between 23:00 and midnight UTC the
      // machine's day is the day before (seen failing: "131 days")
      java.time.LocalDate today = java.time.LocalDate.now(fr.passerelle.db.WallClock.DEFAULT_ZONE);
      for (int i = 0; i < 5; i++) {
        f.person("Cand" + i, "X").rome("N1103", 1).save();
      }
      best = f.person("Martin", "Léa").rome("N1103", 8).criteria("RQTH").save();
      recent = f.offer("Préparateur récent", "N1103", TOULOUSE, today.minusDays(2));
      // open 130 days (strong: 2) in an occupation in tension (1): hard to fill
      old = f.offer("Préparateur ancien", "N1103", TOULOUSE, today.minusDays(130));
      s.offersModule().tension().set("N1103", true, "Plateformes logistiques");
    }
  }

  @Test
  void listShowsHardToFillFirstWithReasons() {
    Cli.Result r = Cli.run(dir, "offers", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("2 open offers, 1 hard to fill");
    assertThat(r.out().indexOf("Préparateur ancien"))
        .isLessThan(r.out().indexOf("Préparateur récent"));
    assertThat(r.out()).contains("open for 130 days");

    Cli.Result hard = Cli.run(dir, "offers", "list", "--hard-to-fill", "--json");
    assertThat(hard.code()).isZero();
    assertThat(hard.out()).contains(old.toString()).doesNotContain(recent.toString());
    assertThat(hard.out()).contains("\"OPEN_LONG\"");
  }

  @Test
  void matchPrintsRankedCandidatesWithScoreAndReasons() throws Exception {
    Cli.Result r = Cli.run(dir, "offers", "match", recent.toString(), "--limit", "3", "--json");
    assertThat(r.code()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("pool").asInt()).isEqualTo(6);
    assertThat(doc.get("candidates")).hasSize(3);
    JsonNode top = doc.get("candidates").get(0);
    assertThat(top.get("candidateId").asText()).isEqualTo(best.toString());
    assertThat(top.get("score").asInt()).isEqualTo(100);
    assertThat(top.get("reasons").get(0).get("kind").asText()).isEqualTo("SAME_OCCUPATION");

    Cli.Result text = Cli.run(dir, "offers", "match", recent.toString());
    assertThat(text.out()).contains("MARTIN Léa").contains("same occupation N1103 (+40)");
  }

  @Test
  void badOfferIdIsInvalidInput() {
    assertThat(Cli.run(dir, "offers", "match", "nope").code()).isEqualTo(2);
    Cli.Result r = Cli.run(dir, "offers", "match", UUID.randomUUID().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("No offer");
    assertThat(Cli.run(dir, "offers", "match", recent.toString(), "--limit", "0").code())
        .isEqualTo(1);
  }
}
