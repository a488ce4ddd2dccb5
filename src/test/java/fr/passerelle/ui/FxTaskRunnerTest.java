package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class FxTaskRunnerTest {
  @Test
  void workSubmittedAfterTheWindowClosedIsDroppedQuietly() {
    FxTaskRunner tasks = new FxTaskRunner();
    tasks.close();
    assertThatCode(() -> tasks.submit("late status refresh", p -> "x", v -> {}, e -> {}).cancel())
        .doesNotThrowAnyException();
    assertThat(tasks.running()).isEmpty();
  }
}
