package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two counselors edit the same meeting (ADR 0177): A and B open it, B renames it, A moves its room
 * — A is refused with B's name and time, B's title stays; A's cancellation of the meeting as it
 * first read it is refused too; after reading it again A's save goes through. Two service stacks on
 * the office server, one on H2 (its signed-in account changing).
 */
class MeetingEditConflictTest {
  @TempDir Path dir;
  private final TestServices.ManualClock clock = new TestServices.ManualClock();
  private final List<Services> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Services::close);
  }

  @Test
  void aMeetingSavedByAColleagueMeanwhileRefusesTheOlderFormThenTakesTheReloadedOne() {
    Services a = TestServices.open(dir.resolve("office"), clock);
    opened.add(a);
    a.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(a);
    Services b = a;
    if (TestServer.configured()) {
      b = TestServices.openSignedOut(dir.resolve("office"), clock);
      opened.add(b);
    }
    Meeting created =
        new MeetingFixture(a)
            .meeting(
                "Information collective — caristes",
                MeetingFixture.NEXT_MONDAY.atTime(9, 30),
                120,
                20);
    Meeting seenByA = a.meetings().get(created.id());
    Meeting seenByB = Colleague.signIn(b).meetings().get(created.id());
    clock.advanceMillis(60_000);
    Instant hers = Instant.ofEpochMilli(clock.millis());
    b.meetings()
        .update(
            seenByB.id(),
            seenByB.version(),
            MeetingFixture.edited(seenByB.toDraft(), "Job dating — logistique", seenByB.room()));

    TestServices.signInAdmin(a);
    assertThatThrownBy(
            () ->
                a.meetings()
                    .update(
                        seenByA.id(),
                        seenByA.version(),
                        MeetingFixture.edited(seenByA.toDraft(), seenByA.title(), "Salle Garonne")))
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(hers);
            });
    assertThatThrownBy(() -> a.meetings().cancel(seenByA.id(), seenByA.version()))
        .isInstanceOf(EditConflictException.class);
    Meeting stored = a.meetings().get(created.id());
    assertThat(stored.title()).isEqualTo("Job dating — logistique");
    assertThat(stored.status()).isEqualTo(MeetingStatus.PLANNED);

    Meeting saved =
        a.meetings()
            .update(
                stored.id(),
                stored.version(),
                MeetingFixture.edited(stored.toDraft(), stored.title(), "Salle Garonne"));
    assertThat(saved.title()).isEqualTo("Job dating — logistique");
    assertThat(saved.room()).isEqualTo("Salle Garonne");
  }
}
