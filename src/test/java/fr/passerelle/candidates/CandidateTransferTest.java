package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static fr.passerelle.candidates.CandidateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowError;
import fr.passerelle.testsupport.TestServices;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateTransferTest {
  static final String HEADER =
      "last_name;first_name;birth_date;email;phone;commune;mobility_km;occupations;criteria;consent_share";

  @TempDir Path dir;
  Services services;
  CandidateService candidates;
  CandidateSearch candidateSearch;
  CandidateTransfer transfer;

  @BeforeEach
  void open() {
    services =
        TestServices.withOffice(dir.resolve("db"), "Agence Toulouse", OfficeKind.FRANCE_TRAVAIL);
    candidates = services.candidates();
    candidateSearch = services.candidateSearch();
    transfer = candidates.transfer();
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Path csv(String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(f, concat(bom, String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)));
    return f;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private ImportReport importAll(Path f) {
    return transfer.importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
  }

  @Test
  void importsAValidFileWithOccupationsCriteriaAndConsent() throws Exception {
    Path f =
        csv(
            "ok.csv",
            HEADER,
            "Lefèvre;Hélène;14/03/1990;helene@example.fr;06 12 34 56 78;31555;20;N1103:3 | F1703;RQTH:2024-01-15:2024-02-01|RSA;oui",
            "Martin;Paul;1985-07-02;;;Blagnac;0;;;non");
    ImportReport r = importAll(f);
    assertThat(r.errors()).isEmpty();
    assertThat(r.applied()).isTrue();
    assertThat(r.created()).isEqualTo(2);

    CandidateSummary s =
        candidateSearch.search(CandidateQuery.text("lefevre helene"), 0, 10).get(0);
    CandidateDetail d = candidates.find(s.id()).orElseThrow();
    assertThat(d.communeCode()).isEqualTo("31555");
    assertThat(d.occupations())
        .extracting(CandidateDetail.TargetOccupation::romeCode)
        .containsExactly("F1703", "N1103");
    assertThat(d.criteria())
        .extracting(CandidateDetail.Criterion::kind)
        .containsExactly(PriorityCriterion.RSA);
    List<CandidateDetail.Criterion> health = candidates.showSensitive(s.id());
    assertThat(health)
        .extracting(CandidateDetail.Criterion::kind)
        .containsExactly(PriorityCriterion.RQTH);
    assertThat(health.get(0).proofSeen()).isTrue();
    assertThat(d.consent().share()).isTrue();
    assertThat(candidateSearch.search(CandidateQuery.text("blagnac"), 0, 10))
        .extracting(CandidateSummary::lastName)
        .containsExactly("Martin");
  }

  @Test
  void roundTripsThroughCsvAndXlsxUpdatingByIdAfterAnEditedCell() throws Exception {
    CandidateDetail a = candidates.save(person("Lefèvre", "Hélène", "31555", "N1103"), null);
    candidates.save(person("Martin", "Paul", "31069"), null);
    for (String ext : List.of("csv", "xlsx")) {
      Path out = dir.resolve("export." + ext);
      assertThat(transfer.exportFile(out, CandidateQuery.all(), Progress.NONE)).isEqualTo(2);
      Path edited = dir.resolve("edited." + ext);
      if (ext.equals("csv")) {
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text)
            .startsWith("\uFEFFidentifiant;nom;prénom;date de naissance")
            .contains("\r\n");
        Files.writeString(
            edited, text.replace(";Toulouse;10;", ";Toulouse;35;"), StandardCharsets.UTF_8);
      } else {
        editXlsx(out, edited, "mobilité (km)", 35);
      }
      ImportReport r = importAll(edited);
      assertThat(r.errors()).isEmpty();
      assertThat(r.updated()).isEqualTo(2);
      assertThat(r.created()).isZero();
      assertThat(candidates.find(a.id()).orElseThrow().mobilityKm()).isEqualTo(35);
      assertThat(candidateSearch.count(CandidateQuery.all())).isEqualTo(2);
      candidates.save(candidates.find(a.id()).orElseThrow(), null);
      candidates.save(
          new CandidateDetail(
              a.id(),
              a.officeId(),
              a.lastName(),
              a.firstName(),
              a.birthDate(),
              a.email(),
              a.phone(),
              a.address(),
              a.communeCode(),
              null,
              10,
              a.drivingLicence(),
              a.availableFrom(),
              a.status(),
              a.registeredOn(),
              a.notes(),
              a.occupations(),
              a.criteria(),
              a.consent()),
          null);
    }
  }

  /**
   * Rewrites an exported workbook with one column changed in the first data row (Lefèvre), keeping
   * every cell's type as Excel would (dates stay dates, numbers numbers).
   */
  private static void editXlsx(Path in, Path out, String column, int value) throws Exception {
    List<List<Object>> rows = new java.util.ArrayList<>();
    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            in.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
      for (Row r : wb.getFirstSheet().read()) {
        List<Object> cells = new java.util.ArrayList<>();
        for (int c = 0; c < r.getCellCount(); c++) {
          var cell = r.getCell(c);
          if (cell == null || cell.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY) {
            cells.add(null);
          } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            cells.add(
                cell.getDataFormatString() != null && cell.getDataFormatString().contains("yy")
                    ? cell.asDate().toLocalDate()
                    : cell.asNumber());
          } else {
            cells.add(cell.getText());
          }
        }
        rows.add(cells);
      }
    }
    int col = rows.get(0).indexOf(column);
    rows.get(1).set(col, value);
    try (var os = Files.newOutputStream(out)) {
      var wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
      var ws = wb.newWorksheet("Candidats");
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object v = rows.get(r).get(c);
          if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("dd/mm/yyyy").set();
          } else if (v instanceof Number n) {
            ws.value(r, c, n); // Excel stores a number
          } else if (v != null) {
            ws.value(r, c, v.toString());
          }
        }
      }
      wb.finish();
    }
  }

  @Test
  void reportsEachBadRowByLineAndFieldAndChangesNothing() throws Exception {
    candidates.save(person("Existant", "Eric", "31555"), null);
    Path f =
        csv(
            "bad.csv",
            HEADER,
            "Bon;Jean;01/01/1980;;;31555;5;;;non",
            "Code;Rome;01/01/1980;;;31555;5;Z9999;;non",
            "Commune;Inconnue;01/01/1980;;;Atlantis;5;;;non",
            "Date;Impossible;31/02/1980;;;31555;5;;;non",
            "Rayon;Negatif;01/01/1980;;;31555;-3;;;non",
            "Mail;Faux;01/01/1980;jean@;;31555;5;;;non",
            "Crit;Inconnu;01/01/1980;;;31555;5;;XYZ;non",
            "Existant;Eric;14/03/1990;;;31555;5;;;non");
    ImportReport r = importAll(f);

    assertThat(r.applied()).isFalse();
    assertThat(r.rowsRead()).isEqualTo(8);
    assertThat(r.rowsRefused()).isEqualTo(7);
    assertThat(r.errors())
        .extracting(RowError::line, RowError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "occupations"),
            org.assertj.core.groups.Tuple.tuple(4L, "commune"),
            org.assertj.core.groups.Tuple.tuple(5L, "birth_date"),
            org.assertj.core.groups.Tuple.tuple(6L, "mobility_km"),
            org.assertj.core.groups.Tuple.tuple(7L, "email"),
            org.assertj.core.groups.Tuple.tuple(8L, "criteria"),
            org.assertj.core.groups.Tuple.tuple(9L, "last_name"));
    assertThat(r.errors().get(6).message()).contains("duplicate of EXISTANT Eric");
    assertThat(candidateSearch.count(CandidateQuery.all())).as("nothing imported").isEqualTo(1);

    Path errors = dir.resolve("errors.csv");
    r.saveErrors(errors);
    assertThat(Files.readAllLines(errors, StandardCharsets.UTF_8))
        .hasSize(8)
        .as("a value starting with - is written with an apostrophe (formula injection)")
        .anySatisfy(l -> assertThat(l).contains("bad.csv;6;mobility_km;'-3;"));

    ImportReport partial = transfer.importFile(f, ImportMode.VALID_ROWS_ONLY, Progress.NONE);
    assertThat(partial.applied()).isTrue();
    assertThat(partial.created()).isEqualTo(1);
    assertThat(candidateSearch.count(CandidateQuery.all())).isEqualTo(2);
  }

  @Test
  void refusesAFileWithTheWrongSeparator() throws Exception {
    Path f = csv("commas.csv", "last_name,first_name", "Martin,Paul");
    assertThatThrownBy(() -> importAll(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("commas.csv, line 1: wrong separator");
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void readsWindows1252AndRefusesOtherEncodingsNamingTheLine() throws Exception {
    Path ansi = dir.resolve("ansi.csv");
    Files.write(
        ansi,
        "last_name;first_name\r\nLefèvre;Hélène\r\n".getBytes(Charset.forName("windows-1252")));
    ImportReport r = importAll(ansi);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.encoding()).isEqualTo("Windows-1252 (ANSI)");
    assertThat(candidateSearch.search(CandidateQuery.text("lefevre"), 0, 5))
        .extracting(CandidateSummary::displayName)
        .containsExactly("LEFÈVRE Hélène");

    Path mixed = dir.resolve("mixed.csv");
    byte[] utf8 = "last_name;first_name\r\nÉric;Zoé\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] cp = "Lefèvre;Hélène\r\n".getBytes(Charset.forName("windows-1252"));
    Files.write(mixed, concat(utf8, cp));
    assertThatThrownBy(() -> importAll(mixed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "mixed.csv, line 3: byte 0xE8 is not UTF-8, although line 2 is UTF-8");

    Path undefined = dir.resolve("undefined.csv");
    Files.write(
        undefined,
        concat(
            "last_name;first_name\r\nMartin;Paul\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {'A', (byte) 0x81, ';', 'B', '\r', '\n'}));
    assertThatThrownBy(() -> importAll(undefined))
        .hasMessageContaining("undefined.csv, line 3: byte 0x81 is a character neither in UTF-8");
    assertThat(candidateSearch.count(CandidateQuery.all())).isEqualTo(1);
  }

  @Test
  void acceptsUtf8WithoutBom() throws Exception {
    Path f = dir.resolve("nobom.csv");
    Files.writeString(f, "last_name;first_name\r\nLefèvre;Hélène\r\n", StandardCharsets.UTF_8);
    assertThat(importAll(f).created()).isEqualTo(1);
  }

  @Test
  void refusesMalformedCsvAndRowsWithExtraFields() throws Exception {
    Path quote = csv("quote.csv", "last_name;first_name", "Martin;Paul", "\"Durand;Léa", "X;Y");
    assertThatThrownBy(() -> importAll(quote))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quote.csv, line 3: malformed CSV");
    Path extra = csv("extra.csv", "last_name;first_name", "Martin;Paul;en trop");
    ImportReport r = importAll(extra);
    assertThat(r.applied()).isFalse();
    assertThat(r.errors().get(0).line()).isEqualTo(2);
    assertThat(r.errors().get(0).message()).contains("3 fields but the header has 2");
    Path unknown = csv("unknown.csv", "last_name;first_name;shoe_size", "Martin;Paul;42");
    assertThat(importAll(unknown).errors())
        .extracting(RowError::field)
        .containsExactly("shoe_size");
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void refusesAnUnknownIdAndAnOldExcelFile() throws Exception {
    Path f = csv("ids.csv", "id;last_name;first_name", "7d9f0c1e-0000-4000-8000-000000000000;A;B");
    assertThat(importAll(f).errors()).extracting(RowError::field).containsExactly("id");
    Path xls = dir.resolve("old.xls");
    Files.write(xls, new byte[] {1, 2});
    assertThatThrownBy(() -> importAll(xls)).hasMessageContaining(".xls) is not supported");
  }

  @Test
  void exportsWithCriteriaAndConsent() throws Exception {
    candidates.save(
        with(
            person("Lefèvre", "Hélène", "31555", "N1103"),
            "h@example.fr",
            null,
            LocalDate.of(1990, 3, 14),
            null,
            CandidateStatus.ACTIVE,
            List.of(
                new CandidateDetail.Criterion(
                    PriorityCriterion.RQTH,
                    LocalDate.of(2024, 1, 15),
                    true,
                    LocalDate.of(2024, 2, 1))),
            true),
        null);
    Path out = dir.resolve("e.csv");
    transfer.exportFile(out, CandidateQuery.all(), Progress.NONE);
    String row = Files.readAllLines(out, StandardCharsets.UTF_8).get(1);
    assertThat(row)
        .contains(";Lefèvre;Hélène;14/03/1990;;;h@example.fr;;;31555;Toulouse;10;oui;;ACTIVE;")
        .contains(";N1103:2;RQTH:2024-01-15:2024-02-01;oui;non;");
  }
}
