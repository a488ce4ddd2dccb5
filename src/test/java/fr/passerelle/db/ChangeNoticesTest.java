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
 * is sent. Waits are bounded (a missing notice fails after 20 s), the speed is not asserted.
 */
class ChangeNoticesTest {
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

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Long seq = heard.poll(20, TimeUnit.SECONDS);
    while (seq != null && seq < saved) {
      seq = heard.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    assertThat(seq).as("B's change heard on A").isNotNull().isEqualTo(saved);
    while (list.rows().stream().noneMatch(r -> r.id().equals(id)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(list.rows()).extracting(CandidateSummary::id).contains(id);
    assertThat(a.candidateSearch().search(CandidateQuery.text("lefevre julien"), 0, 5))
        .extracting(CandidateSummary::id)
        .containsExactly(id);
  }
}
