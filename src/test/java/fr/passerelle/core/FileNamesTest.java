package fr.passerelle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  private static final List<String> TYPED =
      List.of(
          "Réunion : info/collective ?",
          "CON",
          "nul",
          "  ...  ",
          "a<b>c|d*e\"f\\g",
          "Prépa\u0000rateurs\tde commandes",
          "x".repeat(300),
          "Œuvre d'art — été",
          "");

  @Test
  void namesMadeFromWhatUsersTypeAreAcceptedByWindows() {
    for (String typed : TYPED) {
      String roster =
          "roster-2026-01-12-" + FileNames.part(typed.toLowerCase(), "reunion") + ".pdf";
      String sync =
          FileNames.part(typed, "office")
              + "_to_"
              + FileNames.part(typed, "office")
              + ".passerelle";
      String alone = FileNames.part(typed, "office") + ".csv";
      assertThat(List.of(roster, sync, alone))
          .as("from \"%s\"", typed)
          .allSatisfy(n -> assertThat(FileNames.acceptedEverywhere(n)).as(n).isTrue());
    }
    assertThat(FileNames.part("Réunion : info/collective ?", "r"))
        .isEqualTo("Reunion-info-collective");
    assertThat(FileNames.part("Œuvre d'art — été", "r")).isEqualTo("OEuvre-d-art-ete");
    assertThat(FileNames.part("x".repeat(300), "r")).hasSize(40);
    assertThat(FileNames.part("?!", "reunion")).isEqualTo("reunion");
  }

  @Test
  void whatWindowsRefusesIsRecognised() {
    assertThat(FileNames.acceptedEverywhere("feuille-2026-01-12.pdf")).isTrue();
    assertThat(FileNames.acceptedEverywhere("Hélène Dupont.pdf")).isTrue();
    for (String refused :
        List.of(
            "a:b.pdf", "CON", "con.txt", "LPT1.pdf", "name.", "name ", "a/b", "a\\b", "?", "")) {
      assertThat(FileNames.acceptedEverywhere(refused)).as(refused).isFalse();
    }
  }
}
