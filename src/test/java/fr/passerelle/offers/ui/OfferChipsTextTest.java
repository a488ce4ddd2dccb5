package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.offers.ScoreRules;
import fr.passerelle.ui.Messages;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfferChipsTextTest {
  private final OfferChips french = new OfferChips(new Messages(Messages.FRENCH));
  private final OfferChips english = new OfferChips(new Messages(Messages.ENGLISH));

  @Test
  void aReasonIsSaidInTheWindowsLanguageWithFrenchDatesAndTheCommandLineKeepsEnglish() {
    var near = ScoreRules.distance(12.4, 30).orElseThrow();
    assertThat(french.text(near)).isEqualTo("À 12 km (rayon 30 km) +14");
    assertThat(english.text(near)).isEqualTo("12 km away (radius 30 km) +14");
    assertThat(near.describe()).isEqualTo("12 km away (radius 30 km) (+14)");

    var soon = ScoreRules.availability(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 1, 20));
    assertThat(french.text(soon)).startsWith("Disponible le 03/02/2026 +");
    assertThat(french.text(ScoreRules.availability(null, LocalDate.of(2026, 1, 20))))
        .startsWith("Disponible +");
  }
}
