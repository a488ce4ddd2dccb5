package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.ScriptedDialogs;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidates' import → corrections → refused rows → "import only the valid rows" chain and the
 * export, driven through a scripted dialog service: no window, a real database, real files (issue
 * 12, ADR 0193). What Enter or Esc answers imports and writes nothing more than was asked.
 */
class CandidateFilesFlowTest {
  @TempDir Path dir;
  Services services;
  CandidateService service;
  final Messages msg = new Messages(Messages.FRENCH);
  final ScriptedDialogs dialogs = new ScriptedDialogs();
  final AtomicInteger refreshed = new AtomicInteger();
  CandidateFilesViewModel files;
  CandidateFilesFlow flow;

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    service = services.candidates();
    files = new CandidateFilesViewModel(service, new SameThreadTaskRunner(), msg, Runnable::run);
    flow =
        new CandidateFilesFlow(
            files, CandidateQuery::all, refreshed::incrementAndGet, dialogs, msg);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(CandidateFilesFlowTest.class.getResource(path).toURI());
  }

  /** Two valid rows and one with an impossible date (31/02). */
  private static Path oneRowRefused() throws URISyntaxException {
    return resource("one-row-refused.csv");
  }

  private long candidates() {
    return services.candidateSearch().count(CandidateQuery.all());
  }

  @Test
  void noFileChosenImportsNothingAndAsksNothingElse() {
    flow.importFile();

    assertThat(dialogs.kinds()).containsExactly("openFile:candidates-import");
    ScriptedDialogs.Asked asked = dialogs.asked().get(0);
    assertThat(asked.header()).isEqualTo(msg.get("candidates.import.title"));
    assertThat(asked.answers())
        .containsExactly(msg.get("candidates.files.filter"), "CSV (Excel)", "Excel");
    assertThat(candidates()).isZero();
    assertThat(refreshed).hasValue(0);
  }

  @Test
  void aFileWithARefusedRowImportsNothingShowsTheReportAndItsDefaultImportsNothingMore()
      throws Exception {
    dialogs.answer(oneRowRefused());

    flow.importFile();

    assertThat(dialogs.kinds()).containsExactly("openFile:candidates-import", "show:import-report");
    assertThat(files.report().get().applied()).isFalse();
    assertThat(files.report().get().rowsValid()).isEqualTo(2);
    assertThat(candidates()).isZero();
    assertThat(refreshed).hasValue(0);
    assertThat(dialogs.allAnswered()).isTrue();
  }

  @Test
  void importingOnlyTheValidRowsImportsThemAndReportsTheRefusedOneAgain() throws Exception {
    dialogs.answer(oneRowRefused()).answer(ImportReportDialog.VALID_ONLY);

    flow.importFile();

    assertThat(dialogs.kinds())
        .containsExactly("openFile:candidates-import", "show:import-report", "show:import-report");
    assertThat(files.report().get().applied()).isTrue();
    assertThat(files.report().get().created()).isEqualTo(2);
    assertThat(candidates()).isEqualTo(2);
    assertThat(refreshed).hasValue(1);
    assertThat(dialogs.allAnswered()).isTrue();
  }

  @Test
  void anImportThatCorrectedValuesSaysWhichAndRefreshesTheList() throws Exception {
    dialogs.answer(resource("/fr/passerelle/tabular/corpus/control-characters.csv"));

    flow.importFile();

    assertThat(dialogs.kinds())
        .containsExactly("openFile:candidates-import", "show:import-corrections");
    assertThat(files.report().get().corrections()).isNotEmpty();
    assertThat(candidates()).isEqualTo(2);
    assertThat(refreshed).hasValue(1);
  }

  @Test
  void theExportWritesTheListIntoTheFileChosenAndNothingWhenCancelled() throws Exception {
    dialogs.answer(oneRowRefused()).answer(ImportReportDialog.VALID_ONLY);
    flow.importFile();
    Path target = dir.resolve("out").resolve("candidats.csv");
    Files.createDirectories(target.getParent());

    flow.exportFile();
    assertThat(target).doesNotExist();

    dialogs.answer(target);
    flow.exportFile();

    ScriptedDialogs.Asked asked = dialogs.asked().get(dialogs.asked().size() - 1);
    assertThat(asked.kind()).isEqualTo("saveFile:candidates-export");
    assertThat(asked.text()).isEqualTo("candidats.csv");
    assertThat(Files.readString(target))
        .contains(";Durand;Léa;14/03/1990;")
        .contains(";Bernard;Hugo;")
        .doesNotContain("Martin");
    assertThat(files.status().get())
        .isEqualTo(msg.get("candidates.files.exported", 2L, target.getFileName()));
  }
}
