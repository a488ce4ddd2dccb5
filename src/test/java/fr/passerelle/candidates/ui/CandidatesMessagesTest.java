package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.Duplicate;
import fr.passerelle.candidates.FieldError;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.ui.Messages;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class CandidatesMessagesTest {
  private static ResourceBundle bundle(Locale l) {
    return ResourceBundle.getBundle(
        "fr.passerelle.candidates.ui.messages",
        l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void everyKeyInBothLanguagesAndEveryEnumHasItsText() {
    assertThat(bundle(Messages.FRENCH).keySet())
        .containsExactlyInAnyOrderElementsOf(bundle(Messages.ENGLISH).keySet());
    for (Locale l : new Locale[] {Messages.FRENCH, Messages.ENGLISH}) {
      Messages m = new Messages(l);
      for (CandidateStatus s : CandidateStatus.values()) {
        assertThat(m.get("candidates.status." + s.name())).isNotBlank();
      }
      for (PriorityCriterion c : PriorityCriterion.values()) {
        assertThat(m.get("candidates.criterion." + c.name())).isNotBlank();
        assertThat(m.get("candidates.criterion.short." + c.name())).isNotBlank();
      }
      for (FieldError.Code c : FieldError.Code.values()) {
        assertThat(m.get("candidates.field.error." + c.name())).isNotBlank();
      }
      for (Duplicate.Reason r : Duplicate.Reason.values()) {
        assertThat(m.get("candidates.duplicates.reason." + r.name())).isNotBlank();
      }
    }
    assertThat(new Messages(Messages.FRENCH).get("candidates.files.refused", 2, 1))
        .isEqualTo("Import refusé : 2 erreur(s) sur 1 ligne(s). La base n'a pas été modifiée.");
  }
}
