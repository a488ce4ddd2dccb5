package fr.passerelle.training;

import static fr.passerelle.training.TrainingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingStatusTest {
  @Test
  void onlyTheNextStepAndDroppingAreDirect() {
    assertThat(IDEA.isDirectMove(APPLIED)).isTrue();
    assertThat(APPLIED.isDirectMove(FUNDED)).isTrue();
    assertThat(IN_TRAINING.isDirectMove(COMPLETED)).isTrue();
    assertThat(COMPLETED.isDirectMove(EMPLOYED)).isTrue();
    assertThat(IDEA.isDirectMove(DROPPED)).isTrue();
    assertThat(IN_TRAINING.isDirectMove(DROPPED)).isTrue();
    // jumps, steps back, reopening and staying put are not direct
    assertThat(IDEA.isDirectMove(FUNDED)).isFalse();
    assertThat(FUNDED.isDirectMove(APPLIED)).isFalse();
    assertThat(DROPPED.isDirectMove(IDEA)).isFalse();
    assertThat(EMPLOYED.isDirectMove(DROPPED)).isFalse();
    assertThat(DROPPED.isDirectMove(DROPPED)).isFalse();
    assertThat(APPLIED.isDirectMove(APPLIED)).isFalse();
  }

  @Test
  void aJumpNamesTheStepsItSkips() {
    assertThat(IDEA.skippedTo(IN_TRAINING)).containsExactly(APPLIED, FUNDED);
    assertThat(APPLIED.skippedTo(FUNDED)).isEmpty();
    assertThat(FUNDED.skippedTo(IDEA)).isEmpty();
    assertThat(TrainingStatus.LINE).doesNotContain(DROPPED);
    assertThat(java.util.Arrays.asList(IDEA.next(), EMPLOYED.next(), DROPPED.next()))
        .containsExactly(APPLIED, null, null);
  }
}
