package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferService;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServer;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office server drops every connection of a workstation (restarted, a network cut: issue 15,
 * "connection lost during an edit"; ADR 0211): PostgreSQL ends them itself ({@code
 * pg_terminate_backend}), as a restart would. The workstation's next action goes through at the
 * first try — the pool checks a connection before lending it and never lends a dead one (H2's pool,
 * used before, lent them back: each action failed until every dead one had been tried). PostgreSQL
 * only.
 */
class OfficeServerDroppedConnectionsTest {
  @TempDir Path dir;
  private Services services;

  @BeforeEach
  void open() {
    assumeTrue(TestServer.configured(), "runs against the test PostgreSQL server");
    services = TestServices.open(dir);
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void afterTheServerDroppedEveryConnectionTheNextReadsAndSavesGoThroughAtTheFirstTry()
      throws InterruptedException {
    OfferService offers = services.offersModule().offers();
    Offer o = offers.save(OfferFixtures.baker());
    // several connections in the pool, idle: as many reads at once as the machine runs
    List<CompletableFuture<?>> reads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      reads.add(CompletableFuture.runAsync(() -> offers.find(o.id()).orElseThrow()));
    }
    reads.forEach(CompletableFuture::join);

    long dropped =
        TestServer.adminNumber(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE usename = current_user AND pid <> pg_backend_pid()"
                + " AND application_name = 'Passerelle "
                + TestServer.schemaOf(dir).schema()
                + "'");
    assertThat(dropped).as("connections the server dropped").isGreaterThanOrEqualTo(2);
    // a restart takes a while: the counselor's next action comes a second later at the soonest (a
    // connection lent again within half a second of its last use is not checked: HikariCP's window)
    Thread.sleep(1_000L);

    for (int i = 0; i < 5; i++) {
      assertThat(offers.find(o.id())).as("read %d after the drop", i).isPresent();
    }
    assertThat(services.db().answers()).isTrue();

    Messages msg = new Messages(Messages.FRENCH);
    OfferFormViewModel form = new OfferFormViewModel(offers, new SameThreadTaskRunner(), msg);
    form.edit(offers.find(o.id()).orElseThrow());
    form.title.set("Boulanger de nuit");
    form.save(saved -> {});
    assertThat(form.status().get()).isEqualTo(msg.get("offers.form.saved"));
    assertThat(offers.find(o.id()).orElseThrow().title()).isEqualTo("Boulanger de nuit");
  }
}
