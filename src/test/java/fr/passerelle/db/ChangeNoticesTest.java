package fr.passerelle.db;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.candidates.ui.CandidatesViewModel;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change saved on workstation B is heard on workstation A (ADR 0178): A's notices carry B's
 * change sequence, A's candidate list searches again by itself and shows B's new candidate, and A's
 * search finds it. Office server only (two service stacks, two pools on one schema); on H2 nothing
 * is sent. Waits are bounded (a missing notice fails after a minute), the speed is not asserted.
 */
class ChangeNoticesTest {
  /** A bound on the waits, not a speed asserted: a missing notice fails after it. */
  private static final long WAIT = TimeUnit.SECONDS.toNanos(60);

  @TempDir Path dir;
  private final List<Services> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Services::close);
  }

  @Test
  void aCandidateSavedOnAnotherWorkstationAppearsInTheOpenList() throws Exception {
    Services a = TestServices.open(dir.resolve("office"));
    opened.add(a);
    if (!TestServer.configured()) {
      assertThat(a.changes().listening()).isFalse();
      assumeTrue(false, "office server only");
    }
    a.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Services b = TestServices.open(dir.resolve("office"));
    opened.add(b);

    LinkedBlockingQueue<Long> heard = new LinkedBlockingQueue<>();
    a.changes().subscribe(heard::add);
    CandidatesViewModel list =
        new CandidatesViewModel(
            a.candidateSearch(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
    list.text().set("lefevre");
    list.search();
    assertThat(list.rows()).isEmpty();
    list.followChanges(a.changes(), Runnable::run);

    UUID id = b.candidates().save(person("Lefèvre", "Julien", "31555"), null).id();
    long saved = ReplicatedWriter.currentReplica(b.db().dsl()).getChangeSeq();

    long deadline = System.nanoTime() + WAIT;
    assertThat(heardUpTo(heard, saved, deadline)).as("B's change heard on A").isEqualTo(saved);
    while (list.rows().stream().noneMatch(r -> r.id().equals(id)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(list.rows()).extracting(CandidateSummary::id).contains(id);
    assertThat(a.candidateSearch().search(CandidateQuery.text("lefevre julien"), 0, 5))
        .extracting(CandidateSummary::id)
        .containsExactly(id);
  }

  @Test
  void aChangeCommittedBeforeListeningStartsIsCaughtUp() throws Exception {
    Services a = TestServices.open(dir.resolve("office"));
    opened.add(a);
    assumeTrue(TestServer.configured(), "office server only");
    a.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    a.candidates().save(person("Lefèvre", "Julien", "31555"), null);
    long saved = ReplicatedWriter.currentReplica(a.db().dsl()).getChangeSeq();

    // no notice is sent to a listener that was not listening at the commit: a new one is told
    // the sequence reached when it starts (a workstation starting, a connection come back)
    try (ChangeNotices late = ChangeNotices.of(a.db())) {
      LinkedBlockingQueue<Long> heard = new LinkedBlockingQueue<>();
      late.subscribe(heard::add);
      assertThat(heardUpTo(heard, saved, System.nanoTime() + WAIT)).isEqualTo(saved);
    }
  }

  /** The first sequence heard at or past {@code seq}, or the last one heard by the deadline. */
  private static Long heardUpTo(LinkedBlockingQueue<Long> heard, long seq, long deadline)
      throws InterruptedException {
    Long last = null;
    while (last == null || last < seq) {
      Long next = heard.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        return last;
      }
      last = next;
    }
    return last;
  }
}
