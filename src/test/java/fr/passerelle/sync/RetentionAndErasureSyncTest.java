package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.retention.PurgeProposal;
import fr.passerelle.retention.RecordKind;
import fr.passerelle.testsupport.Seed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retention purge and a person's erasure made at one office reach, by sync files, another office
 * of its organisation and a partner organisation that received the person (three offices); the
 * partner cannot erase a person it does not follow, and its own proposal leaves that person to the
 * organisation that follows them.
 */
class RetentionAndErasureSyncTest {
  private static final long DAY = 86_400_000L;

  @TempDir Path root;
  Node a;
  Node b;
  Node t;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "Agence Montpellier Pompignane", OfficeKind.FRANCE_TRAVAIL, null);
    t =
        Node.create(
            root, "Interim Occitanie Toulouse", OfficeKind.TEMP_AGENCY, "Interim Occitanie");
    Node.trustEachOther(a, b, t);
  }

  @AfterEach
  void tearDown() {
    for (Node n : new Node[] {a, b, t}) {
      n.close();
    }
  }

  /** A shared person with a row in every table about a person; returns their id. */
  private UUID sharedPerson(Node n) {
    Seed seed = new Seed(n.services);
    UUID p = seed.candidate("Garnier", "Léa");
    seed.consent(p, true, false);
    seed.criterion(p, "DELD");
    seed.occupation(p, "N1101");
    seed.entry(seed.list("Caristes Toulouse", null), p, "PROPOSED");
    seed.participant(
        seed.meeting("Job dating logistique", LocalDateTime.of(2026, 1, 20, 9, 0)), p, "PRESENT");
    UUID path = seed.path(p, "CACES R489", LocalDate.of(2026, 3, 1), null);
    seed.event(path, "IN_TRAINING", "entrée en formation");
    return p;
  }

  private static final List<Table<?>> ABOUT_A_PERSON =
      List.of(
          CANDIDATE,
          CANDIDATE_CONSENT,
          CANDIDATE_CRITERION,
          CANDIDATE_OCCUPATION,
          SOURCING_ENTRY,
          MEETING_PARTICIPANT,
          TRAINING_PATH,
          TRAINING_EVENT);

  /** Live rows about anyone, per table: all zero once the only person is erased. */
  private static int live(Node n) {
    int sum = 0;
    for (Table<?> tb : ABOUT_A_PERSON) {
      sum += n.dsl().fetchCount(tb, tb.field("DELETED", Boolean.class).isFalse());
    }
    return sum;
  }

  private void exchange() {
    a.sendTo(b);
    a.sendTo(t);
    b.sendTo(a);
    t.sendTo(a);
  }

  private void advanceAll(long ms) {
    for (Node n : new Node[] {a, b, t}) {
      n.clock.advanceMillis(ms);
    }
  }

  @Test
  void aConfirmedPurgeReachesTheOtherOfficeAndThePartner() {
    UUID p = sharedPerson(a);
    exchange();
    assertThat(live(t)).isEqualTo(8); // the partner holds the shared person's rows
    assertThat(live(b)).isEqualTo(8);
    advanceAll(800 * DAY); // more than 24 months without contact

    // the partner does not follow her: its proposal leaves her to France Travail
    PurgeProposal atPartner = t.services.retention().propose();
    assertThat(atPartner.lines()).noneMatch(l -> p.equals(l.item().personId()));
    assertThat(atPartner.heldElsewhere()).isEqualTo(1);

    PurgeProposal proposal = a.services.retention().propose();
    assertThat(proposal.lines())
        .anySatisfy(
            l -> {
              assertThat(l.item().kind()).isEqualTo(RecordKind.CANDIDATE_INACTIVE);
              assertThat(l.item().rowId()).isEqualTo(p);
            });
    // nothing leaves before the confirmation
    a.sendTo(t);
    assertThat(live(t)).isEqualTo(8);

    a.services.retention().purge(proposal.id());
    assertThat(live(a)).isZero();
    a.sendTo(b);
    a.sendTo(t);
    assertThat(live(b)).isZero();
    assertThat(live(t)).isZero();
    assertThat(t.dsl().fetchOne(CANDIDATE, CANDIDATE.ID.eq(p)).getLastName()).isNull();
    b.sendTo(a);
    assertThat(b.digest()).isEqualTo(a.digest());
  }

  /**
   * A partner's rule never erases, through sync, what the person's own organisation keeps: her list
   * entry is due at both offices, but only France Travail, which follows her, proposes it.
   */
  @Test
  void aPartnerLeavesThePersonsItDoesNotFollowToTheirOrganisation() {
    UUID p = sharedPerson(a);
    exchange();
    advanceAll(790 * DAY);
    a.renameCandidate(p, "Garnier-Roux"); // a contact: she is not inactive
    a.sendTo(t);
    advanceAll(10 * DAY); // her list entry, unchanged for 800 days, is due

    PurgeProposal atPartner = t.services.retention().propose();
    assertThat(atPartner.lines()).noneMatch(l -> p.equals(l.item().personId()));
    assertThat(atPartner.heldElsewhere()).isEqualTo(1);
    PurgeProposal atOwner = a.services.retention().propose();
    assertThat(atOwner.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.item().kind()).isEqualTo(RecordKind.SOURCING_ENTRY);
              assertThat(l.item().personId()).isEqualTo(p);
            });
  }

  @Test
  void anErasureReachesEveryOfficeHoldingACopy() {
    UUID p = sharedPerson(a);
    exchange();
    assertThat(live(t)).isEqualTo(8);

    // the subject-access export says who received her data
    var file = a.services.personRights().collect(p);
    assertThat(file.section("disclosures").items())
        .singleElement()
        .satisfies(i -> assertThat(i.asMap()).containsEntry("organisation", "Interim Occitanie"));

    // only the organisation that follows her erases her
    assertThatThrownBy(() -> t.services.personRights().erase(p))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("followed by");
    assertThat(live(t)).isEqualTo(8);

    assertThat(a.services.personRights().erase(p))
        .containsEntry("candidate", 1)
        .containsEntry("training_event", 1)
        .containsEntry("meeting_participant", 1);
    assertThat(
            a.dsl()
                .fetchCount(
                    AUDIT_ENTRY,
                    AUDIT_ENTRY.ACTION.eq("PERSON_ERASED").and(AUDIT_ENTRY.PERSON_ID.eq(p))))
        .isEqualTo(1);
    a.sendTo(t);
    a.sendTo(b);
    assertThat(live(t)).isZero();
    assertThat(live(b)).isZero();
    b.sendTo(a);
    assertThat(b.digest()).isEqualTo(a.digest());
  }
}
