package fr.passerelle.sourcing;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.testsupport.OfferFixtures.TODAY;
import static fr.passerelle.testsupport.OfferFixtures.TOULOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.audit.AuditEntry;
import fr.passerelle.audit.AuditFilter;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sourcing list exported as its table shows it (#19): the file Excel opens, read back with
 * commons-csv — names, phone kept as written, e-mail, step in words, no sensitive criterion — and
 * the export in the audit trail.
 */
class ListExportTest {
  @TempDir Path dir;
  Services s;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir.resolve("db"), new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void theFileHoldsWhatTheTableShowsAndTheExportIsAudited() throws Exception {
    OfferFixtures f = new OfferFixtures(s);
    UUID offer = f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    UUID owner = f.counselor("Claire", "Dubois");
    UUID list = s.sourcing().create(new NewList("Prépa Toulouse", offer, null, owner, null));
    UUID lea = f.person("Martin", "Léa").rome("N1103", 1).criteria("RQTH", "QPV").save();
    UUID paul = f.person("Roux", "Paul").rome("N1103", 1).criteria("YOUTH").save();
    s.db()
        .dsl()
        .update(CANDIDATE)
        .set(CANDIDATE.PHONE, "06 12 34 56 78")
        .set(CANDIDATE.EMAIL, "lea.martin@exemple.fr")
        .where(CANDIDATE.ID.eq(lea))
        .execute();
    s.sourcing().add(list, List.of(lea, paul), Map.of(lea, 80));
    SourcingEntry leaEntry =
        s.sourcing().entries(list).stream()
            .filter(e -> e.candidateId().equals(lea))
            .findFirst()
            .orElseThrow();
    assertThat(leaEntry.phone()).isEqualTo("06 12 34 56 78");
    s.sourcing().move(leaEntry.id(), PipelineStatus.CONTACTED, null);

    Path file = dir.resolve("liste Prépa Toulouse.csv");
    assertThat(s.sourcing().export(list, file)).isEqualTo(2);

    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      rows = CSVFormat.EXCEL.builder().setDelimiter(';').build().parse(r).getRecords();
    }
    assertThat(rows.get(0).toList())
        .containsExactly(
            "Nom",
            "Prénom",
            "Téléphone",
            "E-mail",
            "Commune",
            "Étape",
            "Ajouté le",
            "Score",
            "Publics prioritaires");
    assertThat(rows).hasSize(3);
    // pipeline order: Paul (proposed) before Léa (contacted), as the table
    assertThat(rows.get(1).toList())
        .containsExactly(
            "ROUX", "Paul", "", "", "Toulouse", "Proposé", "05/01/2026", "", "Moins de 26 ans");
    assertThat(rows.get(2).toList())
        .containsExactly(
            "MARTIN",
            "Léa",
            "06 12 34 56 78",
            "lea.martin@exemple.fr",
            "Toulouse",
            "Contacté",
            "05/01/2026",
            "80",
            "QPV");
    assertThat(Files.readString(file)).doesNotContain("RQTH");

    List<AuditEntry> audit = s.audit().list(AuditFilter.ALL, 20);
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("EXPORT");
              assertThat(e.subject()).isEqualTo("liste Prépa Toulouse");
              assertThat(e.details()).contains("2 personnes");
            });
  }
}
