package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferService;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.ServerDownTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office server lost while an offer is being edited (issue 15, "Bad input and faults"; ADRs
 * 0181, 0211): the save fails as PgJDBC reports a broken connection — the form keeps what was typed
 * and says the server does not answer, never the driver's text; once the server is back, the form
 * saves by itself, with what it holds then.
 */
class OfferFormServerLostTest {
  @TempDir Path dir;
  private final Messages msg = new Messages(Messages.FRENCH);
  private final ServerDownTaskRunner tasks = new ServerDownTaskRunner();
  private Services services;
  private OfferService offers;
  private Offer baker;

  @BeforeEach
  void open() {
    services = TestServices.open(dir);
    offers = services.offersModule().offers();
    baker = offers.save(OfferFixtures.baker());
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theFormKeepsItsContentSaysTheServerIsDownAndSavesItselfOnceItIsBack() {
    OfferFormViewModel form = new OfferFormViewModel(offers, tasks, msg, tasks.serverReturn());
    form.edit(baker);
    form.title.set("Boulanger de nuit");

    tasks.down(true);
    form.save(saved -> {});
    assertThat(form.status().get())
        .startsWith("Le serveur de l’agence ne répond pas")
        .contains("dès son retour")
        .doesNotContain("I/O error", "SQL");
    assertThat(form.title.get()).isEqualTo("Boulanger de nuit");
    assertThat(form.dirty().get()).isTrue();
    assertThat(form.saveWaitsForServer()).isTrue();

    form.positions.set("3"); // typed while the server is away: saved too
    tasks.serverReturn().checkNow(); // still down: nothing happens
    assertThat(offers.find(baker.id()).orElseThrow().title()).isEqualTo("Boulanger");

    tasks.down(false);
    tasks.serverReturn().checkNow();
    assertThat(form.status().get()).isEqualTo(msg.get("offers.form.saved"));
    assertThat(form.saveWaitsForServer()).isFalse();
    Offer saved = offers.find(baker.id()).orElseThrow();
    assertThat(saved.title()).isEqualTo("Boulanger de nuit");
    assertThat(saved.positions()).isEqualTo(3);
    assertThat(tasks.serverReturn().anyWaiting()).isFalse();
  }

  @Test
  void anotherOfferOpenedOrTheEditsDroppedCancelTheSaveThatWaited() {
    OfferFormViewModel form = new OfferFormViewModel(offers, tasks, msg, tasks.serverReturn());
    form.edit(baker);
    form.title.set("Boulanger de nuit");
    tasks.down(true);
    form.save(saved -> {});
    form.discard();
    assertThat(tasks.serverReturn().anyWaiting()).isFalse();

    tasks.down(false);
    tasks.serverReturn().checkNow();
    assertThat(offers.find(baker.id()).orElseThrow().title()).isEqualTo("Boulanger");
  }

  @Test
  void withoutAServerToWaitForTheFormSaysToSaveAgainAndSavesWhenToldTo() {
    OfferFormViewModel form = new OfferFormViewModel(offers, tasks, msg);
    form.edit(baker);
    form.positions.set("3");

    tasks.down(true);
    form.save(saved -> {});
    assertThat(form.status().get()).isEqualTo(msg.get("error.serverUnreachable"));
    assertThat(form.saveWaitsForServer()).isFalse();

    tasks.down(false);
    form.save(saved -> {});
    assertThat(form.status().get()).isEqualTo(msg.get("offers.form.saved"));
    assertThat(offers.find(baker.id()).orElseThrow().positions()).isEqualTo(3);
  }
}
