package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.core.UserFacingException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How a failure to reach the office server is said: with its address, never the driver's text. */
class ServerOpeningTest {
  private final OfficeServer server =
      OfficeServer.parse("postgresql://serveur-agence:5432/passerelle", "passerelle");

  private static String key(UserFacingException e) {
    return e.key().orElseThrow();
  }

  @Test
  void aServerWhoseConnectionsAreAllTakenIsToldApartFromOneThatDoesNotAnswer() {
    var full =
        ServerOpening.unreachable(
            server, new SQLException("FATAL: sorry, too many clients already", "53300"));
    assertThat(key(full)).isEqualTo("server.error.full");
    assertThat(full.getMessage())
        .contains("serveur-agence:5432")
        .contains("max_connections")
        .doesNotContain("FATAL");
    var down = ServerOpening.unreachable(server, new SQLException("Connection refused", "08001"));
    assertThat(key(down)).isEqualTo("server.error.unreachable");
  }
}
