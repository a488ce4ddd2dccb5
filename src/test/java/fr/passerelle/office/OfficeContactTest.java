package fr.passerelle.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeContactTest {
  @TempDir Path dir;

  @Test
  void theOfficesTimeZoneIsTheOneEveryServiceReadsItsDatesIn() {
    TestServices.ManualClock clock = new TestServices.ManualClock();
    clock.set(Instant.parse("2026-01-05T14:00:00Z").toEpochMilli());
    try (Services s = TestServices.open(dir, clock)) {
      s.offices().init("Agence Nouméa", OfficeKind.FRANCE_TRAVAIL, null);
      assertThat(s.offices().contact().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
      assertThat(s.stats().today()).isEqualTo(LocalDate.of(2026, 1, 5));

      s.offices()
          .updateContact(
              "1 rue de Sébastopol, 98800 Nouméa",
              "+687 27 00 00",
              "agence.noumea@example.fr",
              "Pacific/Noumea");
      // 14:00 UTC is 01:00 the next day in Nouméa (UTC+11)
      assertThat(s.clock().today()).isEqualTo(LocalDate.of(2026, 1, 6));
      assertThat(s.stats().today()).isEqualTo(LocalDate.of(2026, 1, 6));
      assertThat(s.meetings().now().getHour()).isEqualTo(1);
      assertThat(s.training().today()).isEqualTo(LocalDate.of(2026, 1, 6));
      OfficeContact c = s.offices().contact();
      assertThat(c.email()).isEqualTo("agence.noumea@example.fr");
      assertThat(c.phone()).isEqualTo("+687 27 00 00");
      assertThat(c.address()).startsWith("1 rue de Sébastopol");
    }
    // kept in the database: a new start reads it again
    try (Services s = TestServices.open(dir, clock)) {
      assertThat(s.clock().zone()).isEqualTo(ZoneId.of("Pacific/Noumea"));
    }
  }

  @Test
  void badValuesAreRefusedAndChangeNothing() {
    try (Services s = TestServices.withOffice(dir, "Agence Foix", OfficeKind.FRANCE_TRAVAIL)) {
      assertThatThrownBy(() -> s.offices().updateContact(null, null, null, "Europe/Foix"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is not a time zone");
      assertThatThrownBy(() -> s.offices().updateContact(null, null, "agence@", null))
          .hasMessageContaining("is not an e-mail address");
      assertThatThrownBy(() -> s.offices().updateContact(null, "appeler Paul", null, null))
          .hasMessageContaining("is not a phone number");
      assertThat(s.offices().contact()).isEqualTo(new OfficeContact(null, null, null, null));
    }
  }
}
