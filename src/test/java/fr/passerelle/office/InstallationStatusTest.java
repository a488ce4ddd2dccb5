package fr.passerelle.office;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar's "Base :" names where the data are: the data folder of an embedded database, the
 * server's address (never its password) for an office server — not the folder of a file that holds
 * nothing. On an office server when the suite runs against one ({@code -Ppostgresql}).
 */
class InstallationStatusTest {
  @TempDir Path dir;

  @Test
  void theStatusNamesWhereTheDatabaseIs() {
    try (Services s = TestServices.open(dir)) {
      InstallationStatus st = InstallationStatus.load(s.db(), s.offices());
      if (TestServer.configured()) {
        assertThat(st.database())
            .isEqualTo(TestServer.server().address())
            .startsWith("postgresql://")
            .doesNotContain("@"); // no user or password in what the screen shows
      } else {
        assertThat(st.database()).isEqualTo(dir.toAbsolutePath().toString());
      }
    }
  }
}
