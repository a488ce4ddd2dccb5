package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static fr.passerelle.candidates.CandidateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowCorrection;
import fr.passerelle.testsupport.TestServices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.assertj.core.groups.Tuple;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files as counselors bring them, made by LibreOffice (src/test/resources/fr/passerelle/tabular/
 * real, README.md there): a Windows-1252 semicolon CSV, an .xlsx with typed dates, a CSV saved
 * again by a spreadsheet that dropped the leading zeros.
 */
class RealSpreadsheetFilesTest {
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

  private Path real(String name) throws Exception {
    Path f = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fr/passerelle/tabular/real/" + name)) {
      Files.copy(in, f);
    }
    return f;
  }

  private ImportReport importAll(Path f) {
    return candidates.transfer().importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
  }

  private CandidateDetail named(String text) {
    List<CandidateSummary> hits = candidateSearch.search(CandidateQuery.text(text), 0, 5);
    assertThat(hits).as(text).hasSize(1);
    return candidates.find(hits.get(0).id()).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"excel-fr-ansi.csv", "libreoffice-dates.xlsx"})
  void aCounselorsSheetWithFrenchHeadersTypedDatesAndAccentsImportsWithItsValues(String name)
      throws Exception {
    ImportReport r = importAll(real(name));
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.encoding()).isEqualTo(name.endsWith(".csv") ? "Windows-1252 (ANSI)" : null);
    CandidateDetail h = named("lefevre helene");
    assertThat(h.lastName()).isEqualTo("Lefèvre");
    assertThat(h.birthDate()).isEqualTo(LocalDate.of(1990, 3, 14));
    assertThat(h.availableFrom()).isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(h.communeCode()).isEqualTo("09225");
    assertThat(h.mobilityKm()).isEqualTo(25);
    assertThat(h.phone()).isEqualTo("06 12 34 56 78");
    assertThat(h.notes()).isEqualTo("Cœur de métier : préparation de commandes");
    CandidateDetail z = named("garcon zoe");
    assertThat(z.lastName()).isEqualTo("Garçon");
    assertThat(z.birthDate()).isEqualTo(LocalDate.of(2001, 11, 30));
    assertThat(z.availableFrom()).isNull();
    assertThat(z.phone()).isEqualTo("05.61.22.33.44");
  }

  @Test
  void aFileASpreadsheetSavedAgainGetsItsLeadingZerosBackAndTheReportSaysSo() throws Exception {
    ImportReport r = importAll(real("resaved-stripped-zeros.csv"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(3);
    assertThat(named("rouge camille").communeCode()).isEqualTo("09225");
    assertThat(named("rouge camille").phone()).isEqualTo("0611223344");
    assertThat(named("rouge camille").birthDate()).isEqualTo(LocalDate.of(1990, 3, 14));
    assertThat(named("bertrand louis").communeCode()).isEqualTo("09122");
    assertThat(named("bertrand louis").phone()).isEqualTo("0561002030");
    assertThat(named("vidal ines").phone()).isEqualTo("+33 6 98 76 54 32");
    assertThat(r.corrections())
        .extracting(
            RowCorrection::line, RowCorrection::field, RowCorrection::from, RowCorrection::to)
        .contains(
            Tuple.tuple(2L, "Commune (code INSEE)", "9225", "09225"),
            Tuple.tuple(2L, "Téléphone", "611223344", "0611223344"),
            Tuple.tuple(2L, "Date de naissance", "14/03/90", "14/03/1990"),
            Tuple.tuple(3L, "Commune (code INSEE)", "9122", "09122"),
            Tuple.tuple(3L, "Téléphone", "561002030", "0561002030"));
    assertThat(r.describeCorrections(10))
        .contains(
            "resaved-stripped-zeros.csv, line 2, field Commune (code INSEE): \"9225\" → \"09225\""
                + " (leading zero restored (a spreadsheet dropped it))");
  }

  @Test
  void aPhoneThatIsNotFrenchNorInternationalIsRefused() throws Exception {
    Path f = dir.resolve("phones.csv");
    Files.writeString(
        f,
        "nom;prénom;téléphone\r\nA;B;12345678\r\nC;D;+44 20 7946 0000\r\nE;F;0033 6 12 34 56 78\r\n");
    ImportReport r = importAll(f);
    assertThat(r.errors())
        .extracting(e -> e.line(), e -> e.field())
        .containsExactly(Tuple.tuple(2L, "téléphone"));
    assertThat(r.errors().get(0).message()).contains("is not a phone number");
  }

  @Test
  void theExportReReadWithFastExcelHasTypedDateAndNumberCellsAndCodesAsText() throws Exception {
    candidates.save(
        with(
            person("Lefèvre", "Hélène", "09225", "N1103"),
            "h@example.fr",
            "06 12 34 56 78",
            LocalDate.of(1990, 3, 14),
            LocalDate.of(2026, 2, 2),
            CandidateStatus.ACTIVE,
            List.of(),
            true),
        null);
    Path out = dir.resolve("export.xlsx");
    candidates.transfer().exportFile(out, CandidateQuery.all(), Progress.NONE);
    Map<String, Cell> cells = new HashMap<>();
    try (ReadableWorkbook wb =
        new ReadableWorkbook(out.toFile(), new ReadingOptions(true, false))) {
      List<Row> rows = wb.getFirstSheet().read();
      for (int c = 0; c < rows.get(0).getCellCount(); c++) {
        Row data = rows.get(1);
        if (c < data.getCellCount() && data.getCell(c) != null) {
          cells.put(rows.get(0).getCell(c).getText(), data.getCell(c));
        }
      }
    }
    assertThat(cells.keySet()).contains("nom", "prénom", "date de naissance", "mobilité (km)");
    Cell birth = cells.get("date de naissance");
    assertThat(birth.getType()).isEqualTo(CellType.NUMBER);
    assertThat(birth.getDataFormatString()).isEqualTo("dd/mm/yyyy");
    assertThat(birth.asDate().toLocalDate()).isEqualTo(LocalDate.of(1990, 3, 14));
    assertThat(cells.get("disponible le").asDate().toLocalDate())
        .isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(cells.get("mobilité (km)").getType()).isEqualTo(CellType.NUMBER);
    assertThat(cells.get("mobilité (km)").asNumber().intValue()).isEqualTo(10);
    assertThat(cells.get("commune (code INSEE)").getType()).isEqualTo(CellType.STRING);
    assertThat(cells.get("commune (code INSEE)").getText()).isEqualTo("09225");
    assertThat(cells.get("téléphone").getType()).isEqualTo(CellType.STRING);
    assertThat(cells.get("téléphone").getText()).isEqualTo("06 12 34 56 78");
    // and the workbook goes back in unchanged
    ImportReport back = importAll(out);
    assertThat(back.errors()).isEmpty();
    assertThat(back.updated()).isEqualTo(1);
    assertThat(back.corrections()).isEmpty();
  }

  @Test
  void anUntouchedRoundTripNearMidnightIsAcceptedWhateverTheMachinesTimeZone() throws Exception {
    TimeZone machine = TimeZone.getDefault();
    TestServices.ManualClock clock = new TestServices.ManualClock();
    // 23:30 UTC, 00:30 the next day in Paris: the office's today is 2026-01-06
    clock.set(java.time.Instant.parse("2026-01-05T23:30:00Z").toEpochMilli());
    services.close();
    services = TestServices.open(dir.resolve("db"), clock);
    candidates = services.candidates();
    candidateSearch = services.candidateSearch();
    try {
      LocalDate officeToday = LocalDate.of(2026, 1, 6);
      assertThat(services.clock().today()).isEqualTo(officeToday);
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      candidates.save(
          with(
              person("Durand", "Léa", "31555"),
              null,
              null,
              LocalDate.of(1990, 1, 1),
              null,
              CandidateStatus.ACTIVE,
              List.of(
                  new CandidateDetail.Criterion(
                      PriorityCriterion.RSA, officeToday, true, officeToday)),
              false),
          null);
      Path out = dir.resolve("round.csv");
      candidates.transfer().exportFile(out, CandidateQuery.all(), Progress.NONE);
      ImportReport r = importAll(out);
      assertThat(r.errors()).as("dates of the office's today are not in the future").isEmpty();
      assertThat(r.updated()).isEqualTo(1);
    } finally {
      TimeZone.setDefault(machine);
    }
  }
}
