package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.office.OfficeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail travels with sync to the offices of the same organisation (relays included) and
 * never to another organisation, which cannot push entries either (ADR 0107).
 */
class AuditSyncTest {
  @TempDir Path root;
  Node a;
  Node b;
  Node c;
  Node t;
  Node t2;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "Agence Montpellier Pompignane", OfficeKind.FRANCE_TRAVAIL, null);
    c = Node.create(root, "Agence Nimes Courbessac", OfficeKind.FRANCE_TRAVAIL, null);
    t =
        Node.create(
            root, "Interim Occitanie Toulouse", OfficeKind.TEMP_AGENCY, "Interim Occitanie");
    t2 = Node.create(root, "Interim Occitanie Albi", OfficeKind.TEMP_AGENCY, "Interim Occitanie");
    Node.trustEachOther(a, b, c, t, t2);
  }

  @AfterEach
  void tearDown() {
    for (Node n : new Node[] {a, b, c, t, t2}) {
      n.close();
    }
  }

  private static int entriesOf(Node holder, Node origin) {
    return holder.dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ORIGIN_REPLICA.eq(origin.replica()));
  }

  /** A person's file opened at A: an audit entry of A. */
  private static UUID openAFile(Node n) {
    UUID cand = n.addCandidate("Martin");
    n.setConsent(cand, true, false);
    n.services.candidates().find(cand);
    return cand;
  }

  @Test
  void theSameOrganisationsOfficesReceiveTheTrailAndCanVerifyIt() {
    UUID cand = openAFile(a);
    int atA = entriesOf(a, a);
    assertThat(atA).isPositive();
    a.sendTo(b);
    assertThat(entriesOf(b, a)).isEqualTo(atA);
    assertThat(
            b.dsl()
                .fetchExists(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY.PERSON_ID.eq(cand).and(AUDIT_ENTRY.ACTION.eq("CANDIDATE_OPENED"))))
        .isTrue();
    var v = b.services.audit().verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.chains()).isEqualTo(2);
    // relayed A -> B -> C, and what A wrote since (its export) follows with the next file
    b.sendTo(c);
    assertThat(entriesOf(c, a)).isEqualTo(atA);
    a.sendTo(c);
    assertThat(entriesOf(c, a)).isGreaterThan(atA);
    assertThat(c.services.audit().verify().intact()).isTrue();
    // the trail is not shared data: offices in sync still read the same digest
    c.sendTo(b);
    b.sendTo(c);
    assertThat(b.digest()).isEqualTo(c.digest());
  }

  @Test
  void anotherOrganisationNeverReceivesThem() throws Exception {
    openAFile(a);
    a.sendTo(t);
    assertThat(entriesOf(t, a)).isZero();
    List<String> lines = SyncFileSurgeon.read(a.exportTo(t, true)).payloadLines(t);
    assertThat(String.join("\n", lines)).doesNotContain("AUDIT_ENTRY").contains("CANDIDATE");
    // relayed by an office of A's organisation: still not
    a.sendTo(b);
    b.sendTo(t);
    assertThat(entriesOf(t, a)).isZero();
  }

  @Test
  void aPartnerCannotPushAuditEntries() throws Exception {
    openAFile(t);
    // a real file of t's organisation carries t's entries...
    List<String> own = SyncFileSurgeon.read(t.exportTo(t2, true)).payloadLines(t2);
    List<String> audit = new ArrayList<>();
    boolean in = false;
    for (String l : own) {
      if (l.startsWith("{")) {
        in = l.contains("\"AUDIT_ENTRY\"");
      }
      if (in) {
        audit.add(l);
      }
    }
    assertThat(audit).hasSizeGreaterThan(1);
    // ...which t slips into its file for A, signed with its own key
    SyncFileSurgeon forged = SyncFileSurgeon.read(t.exportTo(a, true));
    forged.rewritePayload(
        a,
        t,
        lines -> {
          lines.removeIf(String::isBlank);
          lines.addAll(audit);
          return lines;
        });
    Path f = root.resolve("forged.passerelle");
    forged.write(f);
    long before = Node.changeSeqOf(a);
    assertThatThrownBy(() -> a.importFile(f))
        .isInstanceOf(SyncRefusedException.class)
        .hasMessageContaining("never leave an organisation");
    assertThat(Node.changeSeqOf(a)).isEqualTo(before);
    assertThat(entriesOf(a, t)).isZero();
  }
}
