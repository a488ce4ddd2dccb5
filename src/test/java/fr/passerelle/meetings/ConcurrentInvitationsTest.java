package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty counselors invite a candidate each to a 25-place meeting at the same moment (issue 15):
 * exactly 25 get a place, 5 wait, in the order they came, and the first place freed goes to the
 * first of them. On the office server (the PostgreSQL suite) the invitations come through two
 * service stacks with their own connection pools, as from two workstations; on H2 through one.
 * Without the meeting's row locked before the seats are counted (Seats#invite), PostgreSQL gives
 * more than 25 places.
 */
class ConcurrentInvitationsTest {
  private static final int PLACES = 25;
  private static final int INVITATIONS = 30;

  @TempDir Path dir;
  private final List<Services> opened = new ArrayList<>();

  /** A clock that moves on at each reading: each invitation stamped after the one before. */
  private final AtomicLong now = new AtomicLong(1_767_603_600_000L);

  private final WallClock ticking = () -> now.addAndGet(1);

  @AfterEach
  void close() {
    opened.forEach(Services::close);
  }

  private Services open() {
    Services s = TestServices.open(dir.resolve("office"), ticking);
    opened.add(s);
    return s;
  }

  @Test
  void thirtyInvitationsAtOnceGiveExactlyTwentyFivePlacesAndFiveWaitInOrder() throws Exception {
    Services first = open();
    first.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(first);
    Meeting meeting =
        first
            .meetings()
            .create(
                fixture.draft(
                    "Information collective — caristes",
                    MeetingFixture.NEXT_MONDAY.atTime(9, 30),
                    120,
                    PLACES));
    List<UUID> people = fixture.candidates(INVITATIONS);
    Services second = TestServer.configured() ? open() : first;

    Set<UUID> toldWaitlisted = ConcurrentHashMap.newKeySet();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<InviteResult>> results = new ArrayList<>();
      for (int i = 0; i < INVITATIONS; i++) {
        UUID person = people.get(i);
        Services workstation = i % 2 == 0 ? first : second;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  InviteResult r =
                      workstation.participants().inviteCandidates(meeting.id(), List.of(person));
                  if (r.waitlisted() == 1) {
                    toldWaitlisted.add(person);
                  }
                  return r;
                }));
      }
      go.countDown();
      int invited = 0;
      int waitlisted = 0;
      for (Future<InviteResult> f : results) {
        InviteResult r = f.get(2, TimeUnit.MINUTES);
        invited += r.invited();
        waitlisted += r.waitlisted();
      }
      assertThat(invited).isEqualTo(PLACES);
      assertThat(waitlisted).isEqualTo(INVITATIONS - PLACES);
    } finally {
      pool.shutdownNow();
    }

    List<Participant> all = first.participants().participants(meeting.id());
    List<Participant> holding = all.stream().filter(p -> p.status().holdsPlace()).toList();
    List<Participant> waiting =
        all.stream()
            .filter(p -> p.status() == ParticipantStatus.WAITLISTED)
            .sorted(Comparator.comparing(Participant::invitedAt))
            .toList();
    assertThat(holding).hasSize(PLACES);
    assertThat(waiting).hasSize(INVITATIONS - PLACES);
    assertThat(waiting)
        .extracting(Participant::candidateId)
        .containsExactlyInAnyOrderElementsOf(toldWaitlisted);
    // in order: every waitlisted candidate came after every candidate who got a place
    var lastPlace = holding.stream().map(Participant::invitedAt).max(Comparator.naturalOrder());
    assertThat(waiting.get(0).invitedAt()).isAfter(lastPlace.orElseThrow());

    // a place freed on the other workstation goes to the first who waits
    second.participants().setStatus(holding.get(0).id(), ParticipantStatus.EXCUSED);
    List<Participant> after = first.participants().participants(meeting.id());
    assertThat(after)
        .filteredOn(p -> p.candidateId().equals(waiting.get(0).candidateId()))
        .extracting(Participant::status)
        .containsExactly(ParticipantStatus.INVITED);
    assertThat(after.stream().filter(p -> p.status().holdsPlace())).hasSize(PLACES);
  }
}
