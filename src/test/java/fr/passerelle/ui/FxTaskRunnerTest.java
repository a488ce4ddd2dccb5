package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.passerelle.testsupport.FxTestExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(FxTestExtension.class)
class FxTaskRunnerTest {
  @Test
  void workSubmittedAfterTheWindowClosedIsDroppedQuietly() {
    FxTaskRunner tasks = new FxTaskRunner();
    tasks.close();
    assertThatCode(() -> tasks.submit("late status refresh", p -> "x", v -> {}, e -> {}).cancel())
        .doesNotThrowAnyException();
    assertThat(tasks.running()).isEmpty();
  }

  /**
   * A task still running when its window closes ends without calling back: its result (a screen, a
   * failure dialog) must not land on the stage's next window (seen in OfficeServerSetupFlowTest: a
   * closed window's failed start showed its dialog over the next test's window).
   */
  @Test
  void aTaskEndingAfterTheCloseCallsNothingBack() throws Exception {
    FxTaskRunner tasks = new FxTaskRunner();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger called = new AtomicInteger();
    CountDownLatch ended = new CountDownLatch(2);
    WaitForAsyncUtils.asyncFx(
            () -> {
              tasks.submit(
                  "a start",
                  p -> {
                    running.countDown();
                    release.await();
                    return "opened";
                  },
                  v -> called.incrementAndGet(),
                  e -> called.incrementAndGet());
              tasks.submit(
                  "a failing start",
                  p -> {
                    release.await();
                    throw new IllegalStateException("closed meanwhile");
                  },
                  v -> called.incrementAndGet(),
                  e -> called.incrementAndGet());
              tasks
                  .running()
                  .addListener(
                      (javafx.collections.ListChangeListener<Object>)
                          c -> {
                            while (c.next()) {
                              c.getRemoved().forEach(t -> ended.countDown());
                            }
                          });
            })
        .get();
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    tasks.close();
    release.countDown();
    assertThat(ended.await(30, TimeUnit.SECONDS)).as("both tasks ended").isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(called).hasValue(0);
  }
}
