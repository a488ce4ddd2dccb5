package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.testsupport.ServerDownTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate's file saved while the office server is away (issue 15; ADR 0211): the form keeps
 * what was typed, says it will be saved once the server is back, and is; opening another file
 * cancels the save that waited.
 */
class CandidateFormServerLostTest {
  @TempDir Path dir;
  private final Messages msg = new Messages(Messages.FRENCH);
  private final ServerDownTaskRunner tasks = new ServerDownTaskRunner();
  private Services services;
  private CandidateService service;
  private CandidateDetail helene;
  private CandidateDetailViewModel form;

  @BeforeEach
  void open() {
    services = TestServices.open(dir);
    service = services.candidates();
    helene = service.save(CandidateFixtures.person("Lefèvre", "Hélène", "31555"), null);
    form = new CandidateDetailViewModel(service, tasks, msg, tasks.serverReturn());
    form.open(helene.id(), () -> {});
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theFileIsSavedByItselfOnceTheServerIsBackWithWhatWasTypedMeanwhile() {
    form.notes().set("Appelée le 7 : disponible en janvier.");
    tasks.down(true);
    form.save(true, saved -> {});
    assertThat(form.message().get()).contains("dès son retour").doesNotContain("I/O", "SQL");
    assertThat(form.dirty().get()).isTrue();
    assertThat(form.saveWaitsForServer()).isTrue();

    form.notes().set("Appelée le 7 : disponible en janvier. Permis B.");
    tasks.down(false);
    tasks.serverReturn().checkNow();

    assertThat(form.message().get()).isEqualTo(msg.get("candidates.saved"));
    assertThat(form.saveWaitsForServer()).isFalse();
    assertThat(service.find(helene.id()).orElseThrow().notes())
        .isEqualTo("Appelée le 7 : disponible en janvier. Permis B.");
  }

  @Test
  void openingAnotherFileCancelsTheSaveThatWaited() {
    CandidateDetail other = service.save(CandidateFixtures.person("Martin", "Paul", "31555"), null);
    form.notes().set("Jamais enregistré");
    tasks.down(true);
    form.save(true, saved -> {});
    tasks.down(false);
    form.open(other.id(), () -> {});
    tasks.serverReturn().checkNow();
    assertThat(service.find(helene.id()).orElseThrow().notes()).isNotEqualTo("Jamais enregistré");
  }
}
