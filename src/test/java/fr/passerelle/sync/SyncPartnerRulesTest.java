package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.VersionVector;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a trusted partner of another organisation can and cannot do (issue 11, ADR 0085): its forged
 * versions of rows it was never sent are refused one by one and reported, the rest of its files
 * goes on; no write path lets an office record the consent of (or delete) a person another
 * organisation follows.
 */
class SyncPartnerRulesTest {
  @TempDir Path root;
  Node a;
  Node b;
  Node t;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    t = Node.create(root, "Interim Castres", OfficeKind.TEMP_AGENCY, "Interim Tarn");
    Node.trustEachOther(a, b, t);
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
    t.close();
  }

  private static String lastName(Node n, UUID id) {
    return n.dsl()
        .select(CANDIDATE.LAST_NAME)
        .from(CANDIDATE)
        .where(CANDIDATE.ID.eq(id))
        .fetchOne(CANDIDATE.LAST_NAME);
  }

  private static boolean live(Node n, UUID id) {
    return n.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(id).and(CANDIDATE.DELETED.isFalse()));
  }

  private static List<Refusal> reasons(fr.passerelle.sync.SyncImportReport r) {
    return r.quarantined().stream().map(Quarantine.Entry::reason).toList();
  }

  /**
   * The adversarial run's forgery: a temp agency sends a new version of a France Travail candidate
   * it never received ("Adam" → "PIRATE") and a deletion of another one, both dominating the
   * office's versions. Both are refused and reported; the agency's own new candidate arrives.
   */
  @Test
  void aPartnerCannotOverwriteNorDeleteAPersonItWasNeverSent() {
    UUID adam = a.addCandidate("Adam");
    UUID bruno = a.addCandidate("Bruno");
    a.sendTo(t);
    a.sendTo(b);
    Pirate pirate = new Pirate(t);
    // its own exporter sends what it believes France Travail let it see
    pirate.write(
        CANDIDATE_CONSENT,
        adam,
        r -> {
          r.set(CANDIDATE_CONSENT.CANDIDATE_ID, adam);
          r.set(CANDIDATE_CONSENT.SHARE, true);
        });
    t.dsl()
        .update(CANDIDATE_CONSENT)
        .set(CANDIDATE_CONSENT.DOT_REPLICA, a.replica())
        .set(CANDIDATE_CONSENT.VV, VersionVector.empty().with(a.replica(), 1).toString())
        .execute();
    pirate.rename(adam, "PIRATE", a, a.officeId());
    pirate.delete(CANDIDATE, bruno);
    pirate.dominate(CANDIDATE, bruno, a);
    UUID zoe = t.addCandidate("Zoe");
    t.setConsent(zoe, true, false);

    fr.passerelle.sync.SyncImportReport r = t.sendTo(a);

    assertThat(lastName(a, adam)).isEqualTo("Adam");
    assertThat(live(a, bruno)).isTrue();
    assertThat(live(a, zoe)).isTrue();
    assertThat(reasons(r)).containsExactlyInAnyOrder(Refusal.NOT_SHARED, Refusal.PERSON_DELETED);
    assertThat(r.tables().get("candidate").quarantined).isEqualTo(2);
    assertThat(r.summary()).contains("rows refused", "Interim Tarn", adam.toString());
    List<Quarantine.Entry> kept = a.sync().quarantine().latest(10);
    assertThat(kept).extracting(Quarantine.Entry::personId).containsExactlyInAnyOrder(adam, bruno);
    assertThat(kept).extracting(Quarantine.Entry::holder).containsOnly("France Travail");
    assertThat(kept).filteredOn(Quarantine.Entry::deletion).hasSize(1);
    assertThat(kept.get(0).personName()).isNotNull();

    // later files keep flowing; a forgery sent again is not listed twice
    t.renameCandidate(zoe, "Zoe-Marie");
    assertThat(t.sendTo(a).tables().get("candidate").updated).isEqualTo(1);
    a.importFile(t.exportTo(a, true));
    assertThat(a.sync().quarantine().count()).isEqualTo(2);
    assertThat(lastName(a, zoe)).isEqualTo("Zoe-Marie");

    // the organisation's other office refuses them too, and both offices agree
    t.sendTo(b);
    assertThat(lastName(b, adam)).isEqualTo("Adam");
    assertThat(live(b, bruno)).isTrue();
    a.sendTo(b);
    b.sendTo(a);
    assertThat(b.digest()).isEqualTo(a.digest());
  }

  /**
   * A partner may still work on the people it was sent (ADR 0085): rename them, add what their
   * consent lets it hold. What the consent does not allow (health data without the sensitive
   * consent), or an office of another organisation, is refused.
   */
  @Test
  void aPartnerEditsWhatItWasSentAndNothingElse() {
    UUID claire = a.addCandidate("Claire");
    a.setConsent(claire, true, false);
    a.sendTo(t);
    t.renameCandidate(claire, "Claire-Marie");
    t.addCriterion(claire, "DELD");
    Pirate pirate = new Pirate(t);
    pirate.criterion(claire, "RQTH");
    pirate.write(OFFICE, a.officeId(), r -> r.set(OFFICE.ORGANISATION, "Interim Tarn"));

    fr.passerelle.sync.SyncImportReport r = t.sendTo(a);

    assertThat(lastName(a, claire)).isEqualTo("Claire-Marie");
    assertThat(
            a.dsl()
                .select(CANDIDATE_CRITERION.CRITERION)
                .from(CANDIDATE_CRITERION)
                .fetch(CANDIDATE_CRITERION.CRITERION))
        .containsExactly("DELD");
    assertThat(
            a.dsl()
                .select(OFFICE.ORGANISATION)
                .from(OFFICE)
                .where(OFFICE.ID.eq(a.officeId()))
                .fetchOne(OFFICE.ORGANISATION))
        .isEqualTo("France Travail");
    assertThat(reasons(r)).containsExactlyInAnyOrder(Refusal.NOT_SHARED, Refusal.OFFICE);
  }

  /**
   * Versions another organisation wrote, and conflict records, are refused row by row: the rest of
   * the file (here the partner's own candidate) is applied.
   */
  @Test
  void relayedEditsAndConflictRecordsAreRefusedRowByRow() throws Exception {
    UUID claire = a.addCandidate("Claire");
    a.setConsent(claire, true, false);
    a.sendTo(t);
    UUID zoe = t.addCandidate("Zoe");
    t.setConsent(zoe, true, false);
    Path f = t.exportTo(a, false);
    SyncFileSurgeon s = SyncFileSurgeon.read(f);
    UUID forgedRow = UUID.randomUUID();
    UUID conflict = UUID.randomUUID();
    s.rewritePayload(
        a,
        t,
        lines -> {
          lines.add(
              "{\"table\":\"EMPLOYER\",\"columns\":[\"ID\",\"NAME\",\"SIRET\",\"COMMUNE_CODE\","
                  + "\"CONTACT_NAME\",\"CONTACT_EMAIL\",\"CONTACT_PHONE\",\"DOT_REPLICA\","
                  + "\"DOT_SEQ\",\"VV\",\"HLC\",\"DELETED\"]}");
          lines.add(
              "[\""
                  + forgedRow
                  + "\",\"Boulangerie\",null,null,null,null,null,\""
                  + b.replica()
                  + "\",1,\""
                  + b.replica()
                  + ":1\",1,false]");
          lines.add(
              "{\"table\":\"SYNC_CONFLICT\",\"columns\":[\"ID\",\"TABLE_NAME\",\"ROW_ID\","
                  + "\"DOT_REPLICA\",\"DOT_SEQ\",\"VV\",\"HLC\",\"DELETED\"]}");
          lines.add(
              "[\""
                  + conflict
                  + "\",\"CANDIDATE\",\""
                  + claire
                  + "\",\""
                  + t.replica()
                  + "\",999,\""
                  + t.replica()
                  + ":999\",1,false]");
          return lines;
        });
    Path forged = root.resolve("forged.passerelle");
    s.write(forged);

    fr.passerelle.sync.SyncImportReport r = a.importFile(forged);

    assertThat(live(a, zoe)).isTrue();
    assertThat(a.dsl().fetchExists(EMPLOYER, EMPLOYER.ID.eq(forgedRow))).isFalse();
    assertThat(a.dsl().fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.ID.eq(conflict))).isFalse();
    assertThat(reasons(r)).containsExactlyInAnyOrder(Refusal.OTHER_AUTHOR, Refusal.CONFLICT);
    assertThat(r.quarantined())
        .filteredOn(q -> q.reason() == Refusal.OTHER_AUTHOR)
        .extracting(Quarantine.Entry::holder)
        .containsExactly("France Travail");
  }

  /**
   * Issue 11, item 2: the partner recorded a consent for a France Travail person (an old version,
   * without the guard). The office refuses that row alone and goes on; the partner's later files
   * flow; the office's later withdrawals reach the partner, which erases both people.
   */
  @Test
  void aForgedConsentIsQuarantinedAndWithdrawalsStillArrive() {
    UUID claire = a.addCandidate("Claire");
    UUID denis = a.addCandidate("Denis");
    a.setConsent(claire, true, false);
    a.setConsent(denis, true, false);
    a.sendTo(t);
    new Pirate(t).consent(claire, true, true, a);
    UUID zoe = t.addCandidate("Zoe");
    t.setConsent(zoe, true, false);

    fr.passerelle.sync.SyncImportReport r = t.sendTo(a);

    assertThat(reasons(r)).containsExactly(Refusal.CONSENT);
    assertThat(live(a, zoe)).isTrue();
    assertThat(
            a.dsl()
                .select(CANDIDATE_CONSENT.SENSITIVE)
                .from(CANDIDATE_CONSENT)
                .where(CANDIDATE_CONSENT.ID.eq(claire))
                .fetchOne(CANDIDATE_CONSENT.SENSITIVE))
        .isFalse();
    t.renameCandidate(zoe, "Zoe-Marie");
    assertThat(t.sendTo(a).outcome())
        .isEqualTo(fr.passerelle.sync.SyncImportReport.Outcome.IMPORTED);

    a.setConsent(claire, false, false);
    a.setConsent(denis, false, false);
    fr.passerelle.sync.SyncImportReport w = a.sendTo(t);

    assertThat(w.quarantined()).isEmpty();
    assertThat(w.tables().get("candidate").erased).isEqualTo(2);
    assertThat(live(t, claire)).isFalse();
    assertThat(live(t, denis)).isFalse();
    assertThat(t.services.candidateSearch().search(CandidateQuery.all(), 0, 50))
        .extracting(c -> c.id())
        .containsExactly(zoe);
    assertThat(t.sendTo(a).outcome())
        .isEqualTo(fr.passerelle.sync.SyncImportReport.Outcome.IMPORTED);
  }

  /**
   * Issue 11, item 2: no write path lets the partner record the consent of, or delete, a person
   * France Travail follows — the form, a CSV import, an XLSX import, a merge either way, a delete.
   * Its other edits of that person are its to make.
   */
  @Test
  void everyWritePathKeepsTheConsentRule() {
    UUID claire = a.addCandidate("Claire");
    a.setConsent(claire, true, false);
    a.sendTo(t);
    UUID durand = t.addCandidate("Durand");
    var candidates = t.services.candidates();
    String before = t.digest();
    long seq = Node.changeSeqOf(t);

    CandidateDetail d = candidates.find(claire).orElseThrow();
    assertThatThrownBy(() -> candidates.save(withSensitive(d, true), null))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("followed by France Travail")
        .satisfies(e -> assertThat(((UserFacingException) e).key()).hasValue("sync.guard.consent"));

    for (String ext : List.of("csv", "xlsx")) {
      Path f = root.resolve("consent." + ext);
      try (TabularWriter w =
          TabularWriter.open(f, "Candidats", List.of("id", "notes", "consent_sensitive"))) {
        w.write(List.of(durand.toString(), "own candidate", "non"));
        w.write(List.of(claire.toString(), "", "oui"));
      }
      ImportReport r =
          candidates.transfer().importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
      assertThat(r.applied()).isFalse();
      assertThat(r.errors()).hasSize(1);
      assertThat(r.errors().get(0).line()).isEqualTo(3);
      assertThat(r.errors().get(0).field()).isEqualTo("consent_sensitive");
      assertThat(r.errors().get(0).message()).contains("followed by France Travail");
      assertThat(t.digest()).as(ext).isEqualTo(before);
    }

    assertThatThrownBy(() -> candidates.merge(claire, durand))
        .hasMessageContaining("followed by France Travail");
    assertThatThrownBy(() -> candidates.merge(durand, claire))
        .hasMessageContaining("followed by France Travail");
    assertThatThrownBy(() -> candidates.delete(claire))
        .hasMessageContaining("followed by France Travail")
        .satisfies(e -> assertThat(((UserFacingException) e).key()).hasValue("sync.guard.delete"));
    assertThat(t.digest()).isEqualTo(before);
    assertThat(Node.changeSeqOf(t)).isEqualTo(seq);

    // the valid rows of a file still go in when the counselor asks for them
    Path f = root.resolve("consent-partial.csv");
    try (TabularWriter w =
        TabularWriter.open(f, "Candidats", List.of("id", "notes", "consent_sensitive"))) {
      w.write(List.of(durand.toString(), "own candidate", "non"));
      w.write(List.of(claire.toString(), "", "oui"));
    }
    ImportReport partial =
        candidates.transfer().importFile(f, ImportMode.VALID_ROWS_ONLY, Progress.NONE);
    assertThat(partial.updated()).isEqualTo(1);
    // and what is the partner's to change about the person it was sent stays changeable
    candidates.save(withNotes(candidates.find(claire).orElseThrow(), "vue en agence"), null);
    assertThat(candidates.find(claire).orElseThrow().notes()).isEqualTo("vue en agence");
    assertThat(candidates.find(claire).orElseThrow().consent().sensitive()).isFalse();
    // France Travail itself records it
    CandidateDetail atA = a.services.candidates().find(claire).orElseThrow();
    a.services.candidates().save(withSensitive(atA, true), null);
    assertThat(a.services.candidates().find(claire).orElseThrow().consent().sensitive()).isTrue();
  }

  private static CandidateDetail withSensitive(CandidateDetail d, boolean sensitive) {
    CandidateDetail.Consent c = d.consent();
    return copy(
        d,
        d.notes(),
        new CandidateDetail.Consent(c.share(), c.shareAt(), sensitive, null, c.recordedBy()));
  }

  private static CandidateDetail withNotes(CandidateDetail d, String notes) {
    return copy(d, notes, d.consent());
  }

  private static CandidateDetail copy(
      CandidateDetail d, String notes, CandidateDetail.Consent consent) {
    return new CandidateDetail(
        d.id(),
        d.officeId(),
        d.lastName(),
        d.firstName(),
        d.birthDate(),
        d.email(),
        d.phone(),
        d.address(),
        d.communeCode(),
        d.communeName(),
        d.mobilityKm(),
        d.drivingLicence(),
        d.availableFrom(),
        d.status(),
        d.registeredOn(),
        notes,
        d.occupations(),
        d.criteria(),
        consent);
  }

  /**
   * ADR 0085: a partner's deletion of a row this office never held carries no data and changes
   * nothing here; it is dropped (not stored, so never relayed to the organisation's other offices),
   * and the import report says so instead of counting it silently as unchanged.
   */
  @Test
  void aDeletionOfARowNeverHeldHereIsDroppedAndTheReportSaysSo() {
    UUID ghost = t.addCandidate("Fantome");
    t.setConsent(ghost, true, false);
    t.delete(CANDIDATE, ghost);
    UUID zoe = t.addCandidate("Zoe");
    t.setConsent(zoe, true, false);

    fr.passerelle.sync.SyncImportReport r = t.sendTo(a);

    assertThat(live(a, zoe)).isTrue();
    assertThat(a.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(ghost))).isFalse();
    assertThat(r.tables().get("candidate").dropped).isEqualTo(1);
    assertThat(r.summary()).contains("deletions of rows never held here dropped 1");
    assertThat(r.quarantined()).isEmpty();
    a.sendTo(b);
    assertThat(b.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(ghost))).isFalse();
  }
}
