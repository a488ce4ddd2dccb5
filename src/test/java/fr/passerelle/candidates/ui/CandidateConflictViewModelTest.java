package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Colleague;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate form when its save is refused over a colleague's newer edit (ADR 0177), without FX:
 * the form keeps what was typed and says who and when; Recharger drops it for the stored file;
 * Comparer lists the fields that differ and saves again on the colleague's version, per field mine
 * or theirs; Annuler keeps the form as it is.
 */
class CandidateConflictViewModelTest {
  @TempDir Path dir;
  private final TestServices.ManualClock clock = new TestServices.ManualClock();
  private final Messages msg = new Messages(Messages.FRENCH);
  private Services services;
  private CandidateService service;
  private CandidateDetailViewModel form;
  private UUID id;

  @BeforeEach
  void open() {
    services = TestServices.open(dir.resolve("office"), clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(services);
    service = services.candidates();
    id = service.save(CandidatesViewModelTest.person("Lefèvre", "Julien", "31555"), null).id();
    form = new CandidateDetailViewModel(service, new SameThreadTaskRunner(), msg);
    form.open(id, () -> {});
    // meanwhile Hélène Dupont, on her workstation, records his phone number
    Colleague.signIn(services);
    clock.set(Instant.parse("2026-12-06T16:02:00Z").toEpochMilli());
    CandidateDetail hers = service.find(id).orElseThrow();
    service.save(withPhone(hers, "06 12 34 56 78"), null);
    TestServices.signInAdmin(services);
    clock.advanceMillis(120_000);
    // and this counselor types an e-mail address and a note, then saves
    form.email().set("julien.lefevre@example.org");
    form.notes().set("Cariste, CACES 1 et 3");
    form.save(false, d -> {});
  }

  @AfterEach
  void close() {
    services.close();
  }

  static CandidateDetail withPhone(CandidateDetail d, String phone) {
    return CandidateFixtures.edited(d, d.email(), phone);
  }

  @Test
  void theRefusedSaveSaysWhoAndWhenAndTheFormKeepsWhatWasTyped() {
    assertThat(form.conflicts().pending().get()).isNotNull();
    assertThat(form.message().get())
        .startsWith("Modifié par " + Colleague.ACTOR + " le 6 décembre à ")
        .endsWith("pendant que vous le modifiiez.");
    assertThat(form.email().get()).isEqualTo("julien.lefevre@example.org");
    assertThat(form.dirty().get()).isTrue();
    assertThat(service.find(id).orElseThrow().email()).isNull();
    assertThat(form.conflicts().pending().get().differences(msg))
        .extracting(fr.passerelle.ui.FormConflict.Difference::key)
        .containsExactly(CandidateConflict.EMAIL, CandidateConflict.PHONE, CandidateConflict.NOTES);
    assertThat(form.conflicts().pending().get().differences(msg))
        .contains(
            new fr.passerelle.ui.FormConflict.Difference(
                CandidateConflict.PHONE, "", "06 12 34 56 78"));
  }

  @Test
  void comparerThenSavingAgainKeepsMineAndTheirsFieldByField() {
    form.conflicts().saveOnTheirs(Set.of(CandidateConflict.PHONE));
    assertThat(form.conflicts().pending().get()).isNull();
    assertThat(form.phone().get()).isEqualTo("06 12 34 56 78");
    assertThat(form.email().get()).isEqualTo("julien.lefevre@example.org");
    assertThat(form.dirty().get()).isTrue();

    form.save(false, d -> {});
    CandidateDetail stored = service.find(id).orElseThrow();
    assertThat(stored.phone()).isEqualTo("06 12 34 56 78");
    assertThat(stored.email()).isEqualTo("julien.lefevre@example.org");
    assertThat(stored.notes()).isEqualTo("Cariste, CACES 1 et 3");
    assertThat(form.dirty().get()).isFalse();
  }

  @Test
  void comparerChoosingMineEverywhereOverwritesTheirValueOnlyByChoice() {
    form.conflicts().saveOnTheirs(Set.of());
    form.save(false, d -> {});
    assertThat(form.conflicts().pending().get()).isNull();
    // her phone is replaced by the form's empty field: the counselor chose so, seeing both
    assertThat(service.find(id).orElseThrow().phone()).isNull();
  }

  @Test
  void rechargerDropsWhatWasTypedAndShowsTheirs() {
    form.conflicts().reloadTheirs();
    assertThat(form.conflicts().pending().get()).isNull();
    assertThat(form.phone().get()).isEqualTo("06 12 34 56 78");
    assertThat(form.email().get()).isEmpty();
    assertThat(form.dirty().get()).isFalse();
  }

  @Test
  void annulerKeepsTheFormAndASecondSaveIsStillRefused() {
    form.conflicts().keepEditing();
    assertThat(form.email().get()).isEqualTo("julien.lefevre@example.org");
    form.save(false, d -> {});
    assertThat(form.conflicts().pending().get()).isNotNull();
    assertThat(service.find(id).orElseThrow().email()).isNull();
  }
}
