package fr.passerelle.offers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferService;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office server lost while an offer is being edited (issue 15, "Bad input and faults"; ADR
 * 0181): the save fails as PgJDBC reports a broken connection (SQL state 08006, through jOOQ) — the
 * form keeps what was typed and says the server does not answer, never the driver's text; when the
 * server is back, saving again goes through. Nothing global is stopped: the tasks' runner fails the
 * work as the lost connection would while the server is "down".
 */
class OfferFormServerLostTest {
  @TempDir Path dir;
  private final Messages msg = new Messages(Messages.FRENCH);
  private Services services;
  private boolean serverDown;

  /** Runs the work on the caller's thread, or fails it as a lost connection while down. */
  private final TaskRunner tasks =
      new TaskRunner() {
        private final SameThreadTaskRunner up = new SameThreadTaskRunner();

        @Override
        public <T> Handle submit(
            String title,
            Work<T> work,
            Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
          if (!serverDown) {
            return up.submit(title, work, onSuccess, onFailure);
          }
          onFailure.accept(
              new DataAccessException(
                  "SQL [select …]; An I/O error occurred while sending to the backend.",
                  new SQLException(
                      "An I/O error occurred while sending to the backend.", "08006")));
          return () -> {};
        }
      };

  @BeforeEach
  void open() {
    services = TestServices.open(dir);
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theFormKeepsItsContentSaysTheServerIsDownAndSavesOnceItIsBack() {
    OfferService offers = services.offersModule().offers();
    Offer o = offers.save(OfferFixtures.baker());
    OfferFormViewModel form = new OfferFormViewModel(offers, tasks, msg);
    form.edit(o);
    form.title.set("Boulanger de nuit");
    form.positions.set("3");

    serverDown = true;
    form.save(saved -> {});
    assertThat(form.status().get())
        .startsWith("Le serveur de l’agence ne répond pas")
        .doesNotContain("I/O error", "SQL");
    assertThat(form.title.get()).isEqualTo("Boulanger de nuit");
    assertThat(form.positions.get()).isEqualTo("3");
    assertThat(form.dirty().get()).isTrue();
    assertThat(offers.find(o.id()).orElseThrow().title()).isEqualTo("Boulanger");

    serverDown = false;
    form.save(saved -> {});
    assertThat(form.status().get()).isEqualTo(msg.get("offers.form.saved"));
    assertThat(offers.find(o.id()).orElseThrow().positions()).isEqualTo(3);
  }
}
