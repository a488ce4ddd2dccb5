package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.testsupport.FrenchWording;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A candidates file refused as a whole — empty, commas or tabs, an old .xls, UTF-16, a workbook
 * named .csv, two encodings mixed, an unbalanced quote — is said in French in the window, naming
 * the file (and the line when there is one), never in the command line's English (#19: "English
 * left"). The files are the tabular corpus's, made by the real tools.
 */
class FileFaultsWordingTest {
  @TempDir Path dir;
  Services services;
  final Messages fr = new Messages(Messages.FRENCH);

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
  }

  @AfterEach
  void close() {
    services.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "empty.csv",
        "commas.csv",
        "tabs.csv",
        "old-excel.xls",
        "unicode-text.csv",
        "workbook-named.csv",
        "mixed-encodings.csv",
        "undefined-byte.csv",
        "text-named.xlsx",
        "too-long.csv",
        "unbalanced-quote.csv"
      })
  void aFileRefusedWholeIsSaidInFrench(String name) throws Exception {
    Path f = dir.resolve(name);
    try (var in = getClass().getResourceAsStream("/fr/passerelle/tabular/corpus/" + name)) {
      Files.copy(in, f);
    }
    Throwable t =
        catchThrowable(
            () ->
                services
                    .candidates()
                    .transfer()
                    .importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE));
    if (t == null) {
      return; // refused row by row: ImportReportWordingTest says those
    }
    assertThat(t).isInstanceOf(UserFacingException.class);
    assertThat(((UserFacingException) t).key()).as(t.getMessage()).isPresent();
    String said = fr.describe(t);
    assertThat(said).contains("« " + name + " »");
    // the file's own name ("empty.csv") is not the window's wording
    assertThat(FrenchWording.faults(said.replace(name, ""))).as(said).isEmpty();
    assertThat(said).doesNotContain(dir.toString());
  }
}
