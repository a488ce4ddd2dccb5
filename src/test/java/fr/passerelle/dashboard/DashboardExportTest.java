package fr.passerelle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServices;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardExportTest {
  @TempDir Path dir;

  @Test
  void theReportIsOnePageWithTheFiguresAndTheChartsDataIsExcelFrCsv() throws Exception {
    Indicators ind;
    try (Services s = TestServices.open(dir.resolve("db"))) {
      DashboardFixture fx = new DashboardFixture(s).build();
      ind = s.stats().indicators(StatsServiceTest.JAN, fx.officeA);
    }
    Path pdf = dir.resolve("rapport.pdf");
    try (OutputStream out = Files.newOutputStream(pdf)) {
      new DashboardReport().write(ind, "Agence Toulouse Matabiau", LocalDate.of(2026, 2, 3), out);
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Agence Toulouse Matabiau", "1 janv. 2026", "31 janv. 2026")
          .contains("Difficiles à pourvoir")
          .contains("Taux de présence : 66,7 %")
          .contains("Part prioritaires : 50,0 % en listes, 40,0 % au")
          .contains("POEI", "page 1 / 1");
      PDFont font =
          doc.getPage(0)
              .getResources()
              .getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("DejaVuSans");
    }
    StringWriter csv = new StringWriter();
    DashboardCsv.write(DashboardCsv.Chart.OFFERS, ind, csv);
    assertThat(csv.toString())
        .startsWith("\uFEFFmois;offres France Travail;")
        .contains("2026-01;2;2;3\r\n", "2025-12;1;0;2\r\n");
    StringWriter meet = new StringWriter();
    DashboardCsv.write(DashboardCsv.Chart.MEETINGS, ind, meet);
    assertThat(meet.toString()).contains("taux de présence (%);66,7;");
    StringWriter tr = new StringWriter();
    DashboardCsv.write(DashboardCsv.Chart.TRAINING, ind, tr);
    assertThat(tr.toString()).contains("POEI;0;1;1");
  }
}
