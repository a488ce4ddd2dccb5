package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class MessagesDescribeTest {
  private final Messages french = new Messages(Messages.FRENCH);
  private final Messages english = new Messages(Messages.ENGLISH);

  @Test
  void aKeyedFailureIsSaidInTheWindowsLanguageWithItsArguments() {
    InvalidInputException e =
        InvalidInputException.of(
            "meetings.problem.twice", "Durand Léa is already on this meeting.", "DURAND Léa");

    assertThat(e.getMessage()).isEqualTo("Durand Léa is already on this meeting.");
    assertThat(french.describe(e)).isEqualTo("DURAND Léa est déjà sur cette réunion");
    assertThat(english.describe(e)).isEqualTo("DURAND Léa is already on this meeting");
  }

  @Test
  void withoutAKnownKeyTheMessageIsShownAndWithoutAMessageTheType() {
    assertThat(french.describe(new InvalidInputException("line 3, field rome: unknown code")))
        .isEqualTo("line 3, field rome: unknown code");
    InvalidInputException unknownKey = InvalidInputException.of("no.such.key", "plain English");
    assertThat(french.describe(unknownKey)).isEqualTo("plain English");
    assertThat(french.describe(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void theOfficeServerLostDuringAnActionIsSaidWithoutTheDriversText() {
    var lost =
        new org.jooq.exception.DataAccessException(
            "SQL [update job_offer …]; An I/O error occurred while sending to the backend.",
            new java.sql.SQLException(
                "An I/O error occurred while sending to the backend.", "08006"));
    assertThat(french.describe(lost)).startsWith("Le serveur de l’agence ne répond pas");
    assertThat(french.describeOrUnexpected(lost)).isEqualTo(french.describe(lost));
    assertThat(english.describe(lost)).startsWith("The office server does not answer");
    var full =
        new org.jooq.exception.DataAccessException(
            "FATAL: sorry, too many clients already",
            new java.sql.SQLException("FATAL: sorry, too many clients already", "53300"));
    assertThat(french.describe(full))
        .startsWith("Le serveur de l’agence refuse de nouvelles connexions")
        .doesNotContain("FATAL");
    assertThat(french.describeOrUnexpected(full)).isEqualTo(french.describe(full));
    assertThat(english.describe(full)).startsWith("The office server refuses new connections");
    var other =
        new org.jooq.exception.DataAccessException(
            "constraint", new java.sql.SQLException("duplicate key", "23505"));
    assertThat(french.describe(other)).isEqualTo("constraint");
  }
}
