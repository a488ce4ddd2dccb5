package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionRequestTest {
  @Test
  void aRequestSurvivesItsTextFormAndOtherFiltersAreNotRequests() {
    UUID offer = UUID.fromString("0b8f6c1e-52a4-4f7e-9d4e-1c2a3b4c5d6e");
    ActionRequest r = ActionRequest.forOffer("N1103", offer);

    assertThat(r.toFilter()).isEqualTo("new:rome=N1103;offer=" + offer);
    assertThat(ActionRequest.parse(r.toFilter())).contains(r);
    assertThat(ActionRequest.parse("new:rome=J1501"))
        .contains(ActionRequest.forOccupation("J1501"));
    assertThat(ActionRequest.parse("hardToFill")).isEmpty();
    assertThat(ActionRequest.parse("new:rome=N1103;offer=not-a-uuid")).isEmpty();
    assertThat(ActionRequest.parse(null)).isEmpty();
  }
}
