package fr.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.office.OfficeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens files as their recipient would, to prove what they do and do not contain. */
class SyncFileContentsTest {
  @TempDir Path root;
  Node a;
  Node b;
  Node t;
  UUID shared;
  UUID secret;
  UUID sharedRqth;
  UUID sharedDeld;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    t = Node.create(root, "Interim Castres", OfficeKind.TEMP_AGENCY, "Interim Tarn");
    Node.trustEachOther(a, b, t);
    shared = a.addCandidate("Partagee");
    secret = a.addCandidate("Confidentielle");
    a.setConsent(shared, true, false);
    a.setConsent(secret, false, false);
    sharedRqth = a.addCriterion(shared, "RQTH");
    sharedDeld = a.addCriterion(shared, "DELD");
    a.addCriterion(secret, "DELD");
    a.addEmployer("Boulangerie Martin");
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
    t.close();
  }

  @Test
  void onlyTheFormatAndKeyWrapsAreInTheClear() throws Exception {
    Path f = a.exportTo(t, true);
    SyncFileSurgeon s = SyncFileSurgeon.read(f);
    assertThat(s.entries.keySet())
        .containsExactly(
            SyncFormat.FORMAT_ENTRY,
            SyncFormat.KEY_PREFIX + t.replica(),
            SyncFormat.PAYLOAD_ENTRY,
            SyncFormat.MANIFEST_ENTRY);
    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("Partagee", "Boulangerie", "France Travail", "FT Toulouse");
  }

  @Test
  void aPartnerFileHoldsOnlyTheConsentedProjection() throws Exception {
    Path f = a.exportTo(t, true);
    SyncFileSurgeon s = SyncFileSurgeon.read(f);
    String payload = String.join("\n", s.payloadLines(t));
    assertThat(payload).contains(shared.toString(), "Partagee", sharedDeld.toString());
    assertThat(payload).contains("Boulangerie Martin");
    assertThat(payload).doesNotContain("Confidentielle", sharedRqth.toString(), "RQTH");
    assertThat(payload).doesNotContain("SYNC_CONFLICT");
    // the consent rows travel, the unconsented person's only as its consent
    assertThat(payload).contains("\"table\":\"CANDIDATE_CONSENT\"", secret.toString());
    ObjectNode m = s.manifest(t);
    assertThat(m.path("recipients")).hasSize(1);
    assertThat(m.path("recipients").get(0).path("replicaId").asText())
        .isEqualTo(t.replica().toString());
    assertThat(m.path("sender").path("organisation").asText()).isEqualTo("France Travail");
    assertThat(m.path("counts").path("CANDIDATE").asLong()).isEqualTo(1);
  }

  @Test
  void withTheSensitiveConsentTheRqthTravelsToo() throws Exception {
    a.setConsent(shared, true, true);
    String payload = String.join("\n", SyncFileSurgeon.read(a.exportTo(t, false)).payloadLines(t));
    assertThat(payload).contains(sharedRqth.toString(), "RQTH");
  }

  @Test
  void withinTheOrganisationEverythingTravels() throws Exception {
    List<String> lines = SyncFileSurgeon.read(a.exportTo(b, true)).payloadLines(b);
    String payload = String.join("\n", lines);
    assertThat(payload).contains("Confidentielle", "RQTH", sharedRqth.toString());
  }

  @Test
  void aPartnerCannotReadAFileMadeForAnotherOffice() throws Exception {
    SyncFileSurgeon s = SyncFileSurgeon.read(a.exportTo(b, true));
    assertThat(s.entries).doesNotContainKey(SyncFormat.KEY_PREFIX + t.replica());
  }
}
