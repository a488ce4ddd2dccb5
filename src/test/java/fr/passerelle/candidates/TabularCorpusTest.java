package fr.passerelle.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowCorrection;
import fr.passerelle.tabular.RowError;
import fr.passerelle.testsupport.TestServices;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed tabular input of src/test/resources/fr/passerelle/tabular/corpus (how each was
 * made: its README.md) ends in a clear refusal naming the file, line and field, or a correct
 * import, and never changes the database when refused; plus runaway sizes made here (a 1 MB name, a
 * 30 MB field, a 1 MB name in a workbook).
 */
class TabularCorpusTest {
  @TempDir Path dir;
  Services services;
  CandidateService candidates;
  CandidateSearch candidateSearch;

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence Foix", OfficeKind.FRANCE_TRAVAIL);
    candidates = services.candidates();
    candidateSearch = services.candidateSearch();
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Path corpus(String name) throws Exception {
    Path f = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fr/passerelle/tabular/corpus/" + name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, f);
    }
    return f;
  }

  private ImportReport importAll(Path f) {
    return candidates.transfer().importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
  }

  static Stream<Arguments> refusedWholeFiles() {
    return Stream.of(
        Arguments.of("empty.csv", "empty.csv: the file is empty"),
        Arguments.of("commas.csv", "commas.csv, line 1: wrong separator"),
        Arguments.of("tabs.csv", "tabs.csv, line 1: wrong separator"),
        Arguments.of("unbalanced-quote.csv", "unbalanced-quote.csv, line 3: malformed CSV"),
        Arguments.of("old-excel.xls", "old Excel format (.xls) is not supported"),
        Arguments.of("unicode-text.csv", "unicode-text.csv: the file is UTF-16"),
        Arguments.of("text-named.xlsx", "text-named.xlsx: not a readable Excel workbook"),
        Arguments.of("workbook-named.csv", "workbook (.xlsx) named .csv"),
        Arguments.of(
            "undefined-byte.csv",
            "undefined-byte.csv, line 3: byte 0x81 is a character neither in UTF-8 nor in"
                + " Windows-1252"),
        Arguments.of(
            "mixed-encodings.csv",
            "mixed-encodings.csv, line 3: byte 0xE8 is not UTF-8, although line 2 is UTF-8"),
        Arguments.of(
            "shared-strings-bomb.xlsx",
            "xl/sharedStrings.xml inflates more than 100 times its compressed size"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedWholeFiles")
  void aBrokenFileIsRefusedWholeNamingTheLineAndNothingChanges(String name, String message)
      throws Exception {
    Path f = corpus(name);
    assertThatThrownBy(() -> importAll(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  static Stream<Arguments> refusedRows() {
    return Stream.of(
        Arguments.of("duplicate-column.csv", 1L, "last_name", "column \"last_name\" appears twice"),
        Arguments.of("unknown-column.csv", 1L, "pointure", "unknown column \"pointure\""),
        Arguments.of("impossible-date.csv", 2L, "birth_date", "\"31/02/2026\" is not a date"),
        Arguments.of("extra-fields.csv", 2L, "", "3 fields but the header has 2"),
        Arguments.of("too-long.csv", 2L, "last_name", "too long (150 characters, max 100)"),
        Arguments.of("too-long.csv", 3L, "notes", "too long (5 000 characters, max 4 000)"));
  }

  @ParameterizedTest(name = "{0} line {1}")
  @MethodSource("refusedRows")
  void aBadRowIsReportedByLineAndFieldAndNothingChanges(
      String name, long line, String field, String message) throws Exception {
    ImportReport r = importAll(corpus(name));
    assertThat(r.applied()).isFalse();
    assertThat(r.errors())
        .anySatisfy(
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.message().replace('\u202f', ' ').replace('\u00a0', ' '))
                  .contains(message);
            });
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void aFileWithAHeaderOnlyImportsNothing() throws Exception {
    ImportReport r = importAll(corpus("header-only.csv"));
    assertThat(r.rowsRead()).isZero();
    assertThat(r.applied()).isFalse();
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void controlCharactersAreRemovedAndReported() throws Exception {
    ImportReport r = importAll(corpus("control-characters.csv"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.corrections())
        .extracting(RowCorrection::line, RowCorrection::field)
        .contains(
            Tuple.tuple(2L, "last_name"),
            Tuple.tuple(2L, "first_name"),
            Tuple.tuple(2L, "notes"),
            Tuple.tuple(3L, "last_name"),
            Tuple.tuple(3L, "first_name"));
    assertThat(r.corrections().get(0).why()).contains("control characters removed: U+0000");
    List<CandidateSummary> found = candidateSearch.search(CandidateQuery.all(), 0, 10);
    assertThat(found)
        .extracting(CandidateSummary::displayName)
        .containsExactly("DURAND Léa", "MARTIN Paul");
    CandidateDetail martin = candidates.find(found.get(1).id()).orElseThrow();
    assertThat(martin.notes()).isEqualTo("note[31m rouge");
  }

  @Test
  void aNameOfOneMegabyteIsReportedWithItsFieldAndA30MegabyteFieldRefusesTheFileAtItsLine()
      throws Exception {
    Path mb = dir.resolve("long-name.csv");
    Files.writeString(
        mb, "last_name;first_name\r\n" + "N".repeat(1 << 20) + ";Paul\r\n", StandardCharsets.UTF_8);
    ImportReport r = importAll(mb);
    assertThat(r.errors())
        .extracting(RowError::line, RowError::field)
        .containsExactly(Tuple.tuple(2L, "last_name"));
    assertThat(r.errors().get(0).message()).startsWith("too long (1");
    assertThat(r.errors().get(0).value()).hasSizeLessThanOrEqualTo(60);

    Path huge = dir.resolve("huge-field.csv");
    try (OutputStream out = Files.newOutputStream(huge)) {
      out.write("last_name;notes\r\nMartin;Paul\r\nDurand;".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "n".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 30; i++) {
        out.write(chunk);
      }
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> importAll(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("huge-field.csv, line 3: the row is longer than");
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  /**
   * Issue 22: control characters in a workbook's cells, removed and reported. Excel keeps a
   * character XML cannot hold as an escape ({@code _x0007_}, ECMA-376 ST_Xstring) and DEL or the C1
   * range as they are; a literal "_x" is written {@code _x005F_x}.
   */
  @Test
  void controlCharactersInAWorkbookAreRemovedAndReported() throws Exception {
    Path f = dir.resolve("control-characters.xlsx");
    try (OutputStream os = Files.newOutputStream(f)) {
      var wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
      var ws = wb.newWorksheet("Candidats");
      ws.value(0, 0, "nom");
      ws.value(0, 1, "prénom");
      ws.value(0, 2, "notes");
      ws.value(1, 0, "Mar_x0000_tin");
      ws.value(1, 1, "Pa_x0007_ul");
      ws.value(1, 2, "note_x001B_[31m rouge, dossier_x005F_x0041_");
      ws.value(2, 0, "Durand\u007F");
      ws.value(2, 1, "Léa\u0085");
      wb.finish();
    }
    ImportReport r = importAll(f);
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.corrections())
        .extracting(RowCorrection::line, RowCorrection::field)
        .containsExactlyInAnyOrder(
            Tuple.tuple(2L, "nom"),
            Tuple.tuple(2L, "prénom"),
            Tuple.tuple(2L, "notes"),
            Tuple.tuple(3L, "nom"),
            Tuple.tuple(3L, "prénom"));
    assertThat(r.corrections().get(0).why()).contains("control characters removed: U+0000");
    List<CandidateSummary> found = candidateSearch.search(CandidateQuery.all(), 0, 10);
    assertThat(found)
        .extracting(CandidateSummary::displayName)
        .containsExactly("DURAND Léa", "MARTIN Paul");
    assertThat(candidates.find(found.get(1).id()).orElseThrow().notes())
        .isEqualTo("note[31m rouge, dossier_x0041_");
  }

  /**
   * Issue 22: "near line 1" when the bad byte was on line 2. The undefined byte on the first data
   * line is named at line 2.
   */
  @Test
  void anEncodingErrorOnTheSecondLineIsNamedAtLineTwo() throws Exception {
    Path f = dir.resolve("second-line.csv");
    Files.write(
        f,
        new byte[] {
          'n',
          'o',
          'm',
          ';',
          'p',
          'r',
          'e',
          'n',
          'o',
          'm',
          '\r',
          '\n',
          'A',
          (byte) 0x8D,
          ';',
          'B',
          '\r',
          '\n',
          'C',
          ';',
          'D',
          '\r',
          '\n'
        });
    assertThatThrownBy(() -> importAll(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("second-line.csv, line 2: byte 0x8D");
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void aWorkbookWithAOneMegabyteNameIsReportedWithItsField() throws Exception {
    Path f = dir.resolve("long.xlsx");
    try (OutputStream os = Files.newOutputStream(f)) {
      var wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
      var ws = wb.newWorksheet("Candidats");
      ws.value(0, 0, "nom");
      ws.value(0, 1, "prénom");
      ws.value(1, 0, "N".repeat(1 << 20));
      ws.value(1, 1, "Paul");
      wb.finish();
    }
    ImportReport r = importAll(f);
    assertThat(r.errors())
        .extracting(RowError::line, RowError::field)
        .containsExactly(Tuple.tuple(2L, "nom"));
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void formulasImportedAsTextComeOutOfTheCsvExportNeutralisedAndRoundTripUnchanged()
      throws Exception {
    ImportReport r = importAll(corpus("formula-injection.csv"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    Path out = dir.resolve("export.csv");
    candidates.transfer().exportFile(out, CandidateQuery.all(), Progress.NONE);
    List<String> cells = new java.util.ArrayList<>();
    try (var parser =
        org.apache.commons.csv.CSVFormat.EXCEL
            .builder()
            .setDelimiter(';')
            .get()
            .parse(Files.newBufferedReader(out, StandardCharsets.UTF_8))) {
      parser.stream().skip(1).forEach(rec -> rec.forEach(cells::add));
    }
    assertThat(cells)
        .as("no exported cell starts with = + - @ (OWASP: prefixed with an apostrophe)")
        .noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0)
        .anyMatch(c -> c.startsWith("'=HYPERLINK("))
        .anyMatch(c -> c.startsWith("'+cmd|"))
        .anyMatch(c -> c.startsWith("'-1+1"))
        .anyMatch(c -> c.startsWith("'@SUM("));
    // the export goes back in unchanged: the apostrophes come off
    ImportReport again =
        candidates.transfer().importFile(out, ImportMode.ALL_OR_NOTHING, Progress.NONE);
    assertThat(again.errors()).isEmpty();
    assertThat(again.updated()).isEqualTo(2);
    assertThat(candidateSearch.search(CandidateQuery.all(), 0, 10))
        .extracting(CandidateSummary::displayName)
        .anySatisfy(n -> assertThat(n).startsWith("=HYPERLINK("))
        .anySatisfy(n -> assertThat(n).startsWith("@SUM("));
  }
}
