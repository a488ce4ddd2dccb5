package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22, ADR 0156: a version received by sync whose text holds a control character (written by
 * an older or modified partner, whose services did not refuse it) is quarantined with the column
 * and the character; the rest of the file is applied, and the corrected version arrives later.
 */
class SyncControlCharactersTest {
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

  private static boolean has(Node n, org.jooq.Table<?> table, UUID id) {
    return n.dsl()
        .fetchExists(
            table,
            fr.passerelle.db.ReplicatedTables.col(table, fr.passerelle.db.ReplicatedTables.ID)
                .eq(id));
  }

  @Test
  void aPartnersNameWithNulOrEscIsQuarantinedWithItsFieldAndNothingElseIsLost() {
    UUID escobar = t.addCandidate("Es\u001Bcobar");
    t.setConsent(escobar, true, false);
    UUID zoe = t.addCandidate("Zoe");
    t.setConsent(zoe, true, false);
    UUID garage = t.addEmployer("Garage\u0000 du Tarn");
    UUID bakery = t.addEmployer("Boulangerie du Tarn");
    UUID notes = t.addCandidate("Notes");
    t.setConsent(notes, true, false);
    t.dsl()
        .update(CANDIDATE)
        .set(CANDIDATE.NOTES, "ligne 1\r\n\tligne 2") // tab and line breaks are not control here
        .where(CANDIDATE.ID.eq(notes))
        .execute();

    SyncImportReport r = t.sendTo(a);

    assertThat(has(a, CANDIDATE, zoe)).isTrue();
    assertThat(has(a, CANDIDATE, notes)).isTrue();
    assertThat(has(a, EMPLOYER, bakery)).isTrue();
    assertThat(has(a, CANDIDATE, escobar)).isFalse();
    assertThat(has(a, EMPLOYER, garage)).isFalse();
    assertThat(r.quarantined())
        .extracting(Quarantine.Entry::reason, Quarantine.Entry::holder, Quarantine.Entry::rowId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                Refusal.CONTROL_CHARACTER, "last_name (U+001B)", escobar),
            org.assertj.core.groups.Tuple.tuple(
                Refusal.CONTROL_CHARACTER, "name (U+0000)", garage));
    assertThat(r.tables().get("candidate").quarantined).isEqualTo(1);
    assertThat(r.tables().get("employer").quarantined).isEqualTo(1);
    assertThat(r.summary())
        .contains("rows refused", "last_name (U+001B) holds a control character", "Interim Tarn");
    assertThat(a.sync().quarantine().latest(10))
        .filteredOn(e -> e.rowId().equals(escobar))
        .singleElement()
        .satisfies(e -> assertThat(e.personId()).isEqualTo(escobar));
    // what the Sync view says about it
    assertThat(
            new Messages(Messages.FRENCH)
                .get(Refusal.CONTROL_CHARACTER.key(), "Interim Tarn", "last_name (U+001B)"))
        .startsWith("Le champ last_name (U+001B) contient un caractère de contrôle")
        .endsWith("demandez à Interim Tarn de le corriger.");

    // the partner corrects the name: the next file brings the person
    t.renameCandidate(escobar, "Escobar");
    SyncImportReport next = t.sendTo(a);
    // (the employer still uncorrected is refused again, listed once in the quarantine)
    assertThat(next.quarantined()).extracting(Quarantine.Entry::rowId).containsExactly(garage);
    assertThat(a.sync().quarantine().count()).isEqualTo(2);
    assertThat(
            a.dsl()
                .select(CANDIDATE.LAST_NAME)
                .from(CANDIDATE)
                .where(CANDIDATE.ID.eq(escobar))
                .fetchOne(CANDIDATE.LAST_NAME))
        .isEqualTo("Escobar");
  }

  @Test
  void withinTheOrganisationTooAControlCharacterNeverReachesTheDatabase() {
    UUID bell = b.addCandidate("Cloche\u0007");
    UUID fine = b.addCandidate("Martin");
    SyncImportReport r = b.sendTo(a);
    assertThat(has(a, CANDIDATE, fine)).isTrue();
    assertThat(has(a, CANDIDATE, bell)).isFalse();
    assertThat(r.quarantined())
        .extracting(Quarantine.Entry::holder)
        .containsExactly("last_name (U+0007)");
  }
}
