package fr.passerelle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every TestFX test uses {@link FxTestExtension}, whose robot looks nodes up on the FX thread. */
class FxTestExtensionUseTest {
  @Test
  void noTestUsesTheBareApplicationExtension() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      List<Path> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().startsWith("FxTestExtension"))
              .filter(FxTestExtensionUseTest::extendsWithApplicationExtension)
              .toList();
      assertThat(offenders).as("use @ExtendWith(FxTestExtension.class)").isEmpty();
    }
  }

  private static boolean extendsWithApplicationExtension(Path file) {
    try {
      return Files.readString(file).contains("ExtendWith(ApplicationExtension.class)");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
