package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.TwoWorkstations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two counselors take the attendance of one meeting (ADR 0197): a participant's status or removal
 * over a colleague's newer change is refused with who and when, nothing written, and the seats stay
 * exact. On the office server (the PostgreSQL suite) two service stacks with their own pools; on H2
 * one stack whose signed-in account changes ({@link TwoWorkstations}).
 */
class ParticipantEditConflictTest {
  @TempDir Path dir;
  private TwoWorkstations desks;
  private Meeting meeting;
  private List<UUID> people;

  @BeforeEach
  void open() {
    desks = new TwoWorkstations(dir.resolve("office"));
    MeetingFixture fixture = new MeetingFixture(desks.a());
    meeting =
        fixture.meeting(
            "Information collective — caristes", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 2);
    people = fixture.candidates(3);
    // two places: the first two invited, the third waits
    desks.a().participants().inviteCandidates(meeting.id(), people);
  }

  @AfterEach
  void close() {
    desks.close();
  }

  private Participant of(Services s, UUID candidate) {
    return s.participants().participants(meeting.id()).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow();
  }

  private static void refusedByHer(Runnable change, Instant hers) {
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(
            EditConflictException.class,
            e -> {
              assertThat(e.who()).contains(Colleague.ACTOR);
              assertThat(e.when()).isEqualTo(hers);
            });
  }

  @Test
  void aStatusChangedByAColleagueMeanwhileRefusesTheOlderOneThenTakesTheReloadedOne() {
    Participant seenByA = of(desks.a(), people.get(0));
    Participant seenByB = of(desks.b(), people.get(0));
    Instant hers = desks.minuteLater();
    desks.b().participants().setStatus(seenByB.id(), seenByB.version(), ParticipantStatus.PRESENT);

    Services a = desks.a();
    refusedByHer(
        () -> a.participants().setStatus(seenByA.id(), seenByA.version(), ParticipantStatus.ABSENT),
        hers);
    refusedByHer(() -> a.participants().remove(seenByA.id(), seenByA.version()), hers);
    assertThat(of(a, people.get(0)).status()).isEqualTo(ParticipantStatus.PRESENT);
    MeetingCounts seats = a.participants().counts(meeting.id());
    assertThat(seats.invited()).as("holding a place").isEqualTo(2);
    assertThat(seats.waitlisted()).isEqualTo(1);

    Participant reloaded = of(a, people.get(0));
    assertThat(
            a.participants()
                .setStatus(reloaded.id(), reloaded.version(), ParticipantStatus.ABSENT)
                .status())
        .isEqualTo(ParticipantStatus.ABSENT);
  }

  @Test
  void aParticipantRemovedByAColleagueIsRefusedNamingHerAndTheWaitlistMovesOnce() {
    Participant seenByA = of(desks.a(), people.get(0));
    Participant seenByB = of(desks.b(), people.get(0));
    Instant hers = desks.minuteLater();
    desks.b().participants().remove(seenByB.id(), seenByB.version());

    Services a = desks.a();
    refusedByHer(
        () ->
            a.participants().setStatus(seenByA.id(), seenByA.version(), ParticipantStatus.EXCUSED),
        hers);
    refusedByHer(() -> a.participants().remove(seenByA.id(), seenByA.version()), hers);
    // her removal gave the place to the third; nothing else moved
    List<Participant> now = a.participants().participants(meeting.id());
    assertThat(now).extracting(Participant::candidateId).doesNotContain(people.get(0));
    assertThat(now).allMatch(p -> p.status() == ParticipantStatus.INVITED);
    assertThat(now).hasSize(2);
  }

  /**
   * #19: her "Annuler" after her removal puts the same row back, a new version of it; a change over
   * the version seen before the removal is refused naming her, and the version reloaded is taken.
   */
  @Test
  void aParticipantPutBackByAColleagueRefusesTheVersionSeenBeforeNamingHer() {
    Participant seenByA = of(desks.a(), people.get(0));
    Participant seenByB = of(desks.b(), people.get(0));
    desks.minuteLater();
    desks.b().participants().remove(seenByB.id(), seenByB.version());
    Instant hers = desks.minuteLater();
    Participant back = desks.b().participants().restore(seenByB);
    assertThat(back.id()).isEqualTo(seenByA.id());

    Services a = desks.a();
    refusedByHer(
        () ->
            a.participants().setStatus(seenByA.id(), seenByA.version(), ParticipantStatus.PRESENT),
        hers);
    Participant reloaded = of(a, people.get(0));
    assertThat(reloaded.version()).isEqualTo(back.version());
    assertThat(
            a.participants()
                .setStatus(reloaded.id(), reloaded.version(), ParticipantStatus.PRESENT)
                .status())
        .isEqualTo(ParticipantStatus.PRESENT);
  }

  @Test
  void aPromotionByAColleaguesChangeNamesHerToWhoeverActsOnTheWaitlistedAsShownBefore() {
    Participant waitingSeenByA = of(desks.a(), people.get(2));
    assertThat(waitingSeenByA.status()).isEqualTo(ParticipantStatus.WAITLISTED);
    Participant first = of(desks.b(), people.get(0));
    Instant hers = desks.minuteLater();
    desks.b().participants().setStatus(first.id(), first.version(), ParticipantStatus.EXCUSED);

    Services a = desks.a();
    refusedByHer(
        () -> a.participants().remove(waitingSeenByA.id(), waitingSeenByA.version()), hers);
    assertThat(of(a, people.get(2)).status()).isEqualTo(ParticipantStatus.INVITED);
  }

  @Test
  void theStatusAlreadyAskedForIsNotRefusedAndWritesNothing() {
    Participant seenByA = of(desks.a(), people.get(1));
    Participant seenByB = of(desks.b(), people.get(1));
    desks.minuteLater();
    Participant hers =
        desks
            .b()
            .participants()
            .setStatus(seenByB.id(), seenByB.version(), ParticipantStatus.PRESENT);

    Participant mine =
        desks
            .a()
            .participants()
            .setStatus(seenByA.id(), seenByA.version(), ParticipantStatus.PRESENT);
    assertThat(mine.status()).isEqualTo(ParticipantStatus.PRESENT);
    assertThat(mine.version()).isEqualTo(hers.version());
  }

  @Test
  void twoWorkstationsMarkingTheSameParticipantsAtOnceOneWinsEachAndTheSeatsStayExact()
      throws Exception {
    // a bigger meeting: 6 places, 6 more waiting; each of the 6 seated is marked at the same time
    // "excusé" on one workstation and "présent" on the other, from the same list
    MeetingFixture fixture = new MeetingFixture(desks.a());
    Meeting big =
        fixture.meeting(
            "Job dating — logistique", MeetingFixture.NEXT_MONDAY.atTime(14, 0), 120, 6);
    desks.a().participants().inviteCandidates(big.id(), fixture.candidates(12, " bis"));
    List<Participant> seated =
        desks.a().participants().participants(big.id()).stream()
            .filter(p -> p.status() == ParticipantStatus.INVITED)
            .toList();
    assertThat(seated).hasSize(6);
    Services one = desks.a();
    Services other = desks.b(); // on H2 the same stack: both calls then run as her
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> excused = new ArrayList<>();
    List<Future<Boolean>> present = new ArrayList<>();
    try {
      for (Participant p : seated) {
        excused.add(pool.submit(attempt(go, other, p, ParticipantStatus.EXCUSED)));
        present.add(pool.submit(attempt(go, one, p, ParticipantStatus.PRESENT)));
      }
      go.countDown();
      int promotions = 0;
      for (int i = 0; i < seated.size(); i++) {
        boolean e = excused.get(i).get(2, TimeUnit.MINUTES);
        boolean pr = present.get(i).get(2, TimeUnit.MINUTES);
        assertThat(e ^ pr).as("exactly one of the two changes of participant " + i).isTrue();
        promotions += e ? 1 : 0;
      }
      List<Participant> after = one.participants().participants(big.id());
      assertThat(after.stream().filter(p -> p.status().holdsPlace())).hasSize(6);
      assertThat(after.stream().filter(p -> p.status() == ParticipantStatus.EXCUSED))
          .hasSize(promotions);
      assertThat(after.stream().filter(p -> p.status() == ParticipantStatus.WAITLISTED))
          .hasSize(6 - promotions);
    } finally {
      pool.shutdownNow();
    }
  }

  /** True when the change went through, false when refused over the other's change. */
  private static Callable<Boolean> attempt(
      CountDownLatch go, Services s, Participant p, ParticipantStatus status) {
    return () -> {
      go.await();
      try {
        s.participants().setStatus(p.id(), p.version(), status);
        return true;
      } catch (EditConflictException e) {
        return false;
      }
    };
  }
}
