package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.rights.PersonRightsService;
import fr.passerelle.security.AccessDeniedException;
import fr.passerelle.testsupport.Seed;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Everything about this person": a person seeded in every feature (file, criteria, occupations,
 * consent changed twice, a list entry, a meeting attended, a training path and its step, a sync
 * file to a partner organisation) is found whole in the PDF read back with PDFBox and in the JSON;
 * health criteria only for an account allowed to show them; refused to a read-only account.
 */
class SubjectAccessExportTest {
  @TempDir Path root;
  Node a;
  Node t;
  UUID person;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    t =
        Node.create(
            root, "Interim Occitanie Toulouse", OfficeKind.TEMP_AGENCY, "Interim Occitanie");
    Node.trustEachOther(a, t);
    var candidates = a.services.candidates();
    CandidateDetail d =
        new CandidateDetail(
            null,
            a.officeId(),
            "Garnier",
            "Léa",
            LocalDate.of(1991, 4, 2),
            "lea.garnier@example.org",
            "06 11 22 33 44",
            "12 rue des Lilas",
            null,
            null,
            20,
            true,
            null,
            CandidateStatus.ACTIVE,
            LocalDate.of(2025, 11, 3),
            "Cherche un poste de cariste",
            List.of(new CandidateDetail.TargetOccupation("N1101", null, 3)),
            List.of(
                new CandidateDetail.Criterion(
                    PriorityCriterion.DELD, LocalDate.of(2024, 9, 1), true, null),
                new CandidateDetail.Criterion(
                    PriorityCriterion.RQTH, LocalDate.of(2020, 1, 1), true, null)),
            new CandidateDetail.Consent(true, null, false, null, null));
    person = candidates.save(d, null).id();
    CandidateDetail saved = candidates.find(person).orElseThrow();
    candidates.save(
        new CandidateDetail(
            saved.id(),
            saved.officeId(),
            saved.lastName(),
            saved.firstName(),
            saved.birthDate(),
            saved.email(),
            saved.phone(),
            saved.address(),
            saved.communeCode(),
            saved.communeName(),
            saved.mobilityKm(),
            saved.drivingLicence(),
            saved.availableFrom(),
            saved.status(),
            saved.registeredOn(),
            saved.notes(),
            saved.occupations(),
            saved.criteria(),
            new CandidateDetail.Consent(true, null, true, null, null)),
        null);
    Seed seed = new Seed(a.services);
    seed.entry(seed.list("Caristes Toulouse", null), person, "INTERVIEW");
    seed.participant(
        seed.meeting("Job dating logistique", LocalDateTime.of(2026, 1, 20, 9, 0)),
        person,
        "PRESENT");
    UUID path = seed.path(person, "CACES R489", LocalDate.of(2026, 3, 1), null);
    seed.event(path, "IN_TRAINING", "Entrée en formation à Blagnac");
    a.sendTo(t);
  }

  @AfterEach
  void tearDown() {
    a.close();
    t.close();
  }

  @Test
  void thePdfAndTheJsonHoldEveryRecordOfThePerson() throws Exception {
    Path dir = Files.createDirectories(root.resolve("demande"));
    PersonRightsService.Written w = a.services.personRights().export(person, dir);
    assertThat(w.files())
        .containsExactly(
            dir.resolve("personne-" + person + ".pdf"),
            dir.resolve("personne-" + person + ".json"));

    String text;
    try (PDDocument doc = Loader.loadPDF(w.files().get(0).toFile())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull(); // tagged
    }
    assertThat(text)
        .contains("Données personnelles de Léa Garnier")
        .contains("lea.garnier@example.org")
        .contains("06 11 22 33 44")
        .contains("02/04/1991")
        .contains("Cherche un poste de cariste")
        .contains("Critère : DELD")
        .contains("Critère : RQTH")
        .contains("Code ROME : N1101")
        .contains("Partage avec les organisations partenaires : oui")
        .contains("Partage des données de santé : oui")
        .contains("share=true sensitive=false")
        .contains("share=true sensitive=true")
        .contains("Liste : Caristes Toulouse")
        .contains("Étape : INTERVIEW")
        .contains("Réunion : Job dating logistique")
        .contains("Inscription / présence : PRESENT")
        .contains("20/01/2026 09:00")
        .contains("Formation : CACES R489")
        .contains("Note : Entrée en formation à Blagnac")
        .contains("Organisation : Interim Occitanie")
        .contains("Fichiers de synchronisation : 1");

    JsonNode json = new ObjectMapper().readTree(w.files().get(1).toFile());
    assertThat(json.get("personId").asText()).isEqualTo(person.toString());
    assertThat(json.get("sensitiveIncluded").asBoolean()).isTrue();
    assertThat(json.get("file").get(0).get("lastName").asText()).isEqualTo("Garnier");
    assertThat(json.get("criteria"))
        .extracting(c -> c.get("criterion").asText())
        .containsExactly("DELD", "RQTH");
    assertThat(json.get("occupations").get(0).get("romeCode").asText()).isEqualTo("N1101");
    assertThat(json.get("consent").get(0).get("sensitive").asBoolean()).isTrue();
    assertThat(json.get("consentHistory")).hasSize(2);
    assertThat(json.get("lists").get(0).get("list").asText()).isEqualTo("Caristes Toulouse");
    assertThat(json.get("meetings").get(0).get("attendance").asText()).isEqualTo("PRESENT");
    assertThat(json.get("trainingPaths").get(0).get("title").asText()).isEqualTo("CACES R489");
    assertThat(json.get("trainingSteps").get(0).get("note").asText())
        .isEqualTo("Entrée en formation à Blagnac");
    assertThat(json.get("disclosures").get(0).get("organisation").asText())
        .isEqualTo("Interim Occitanie");
    assertThat(json.get("disclosures").get(0).get("files").asInt()).isEqualTo(1);

    assertThat(
            a.dsl()
                .fetchCount(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY
                        .ACTION
                        .eq("EXPORT")
                        .and(AUDIT_ENTRY.PERSON_ID.eq(person))
                        .and(AUDIT_ENTRY.DETAILS.contains("SUBJECT_ACCESS"))))
        .isEqualTo(1);
  }

  @Test
  void healthCriteriaOnlyForAnAccountAllowedToShowThem() throws Exception {
    TestServices.as(a.services, "dpo", "ADMINISTRATOR");
    Path file = root.resolve("dpo.json");
    a.services.personRights().export(person, file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("sensitiveIncluded").asBoolean()).isFalse();
    assertThat(json.get("criteria"))
        .extracting(c -> c.get("criterion").asText())
        .containsExactly("DELD");
    assertThat(json.get("criteriaNote").asText()).contains("SENSITIVE_READ");
    assertThat(Files.readString(file)).doesNotContain("RQTH\"");
  }

  @Test
  void aReadOnlyAccountIsRefused() {
    TestServices.as(a.services, "lecteur", "READ_ONLY");
    Path out = root.resolve("refus.pdf");
    assertThatThrownBy(() -> a.services.personRights().export(person, out))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> a.services.personRights().erase(person))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(out).doesNotExist();
    assertThat(a.dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("REFUSED"))).isEqualTo(2);
  }
}
