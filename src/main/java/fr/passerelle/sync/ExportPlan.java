package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.ReplicatedTables.DOT_REPLICA;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.SYNC_CONFLICT;

import fr.passerelle.db.ReplicatedTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which rows of which tables go into a file for one recipient organisation (docs/architecture.md,
 * Export and Organisations and consent), as SQL conditions on the table metadata: new tables need
 * nothing here.
 */
final class ExportPlan {
  private final String own;
  private final String to;
  private final long from;

  /**
   * @param own the sender's organisation
   * @param to the recipients' organisation
   * @param from rows changed after this local change sequence ({@code 0}: everything)
   */
  ExportPlan(String own, String to, long from) {
    this.own = own;
    this.to = to;
    this.from = from;
  }

  boolean sameOrganisation() {
    return own.equals(to);
  }

  /**
   * Consent first (the receiver needs it for the rows that follow), then parents before children.
   */
  static List<Table<?>> tableOrder() {
    List<Table<?>> order = new ArrayList<>();
    order.add(CANDIDATE_CONSENT);
    for (Table<?> t : ReplicatedTables.ALL) {
      if (!PersonData.isConsent(t)) {
        order.add(t);
      }
    }
    order.addAll(ReplicatedTables.ORGANISATION_ONLY);
    return order;
  }

  /** The rows of {@code t} to send, or empty if the table does not go to this organisation. */
  Optional<Condition> rows(Table<?> t) {
    Condition changed = col(t, CHANGE_SEQ).gt(from);
    if (sameOrganisation()) {
      return Optional.of(changed);
    }
    if (t.getName().equalsIgnoreCase(SYNC_CONFLICT.getName())
        || ReplicatedTables.isOrganisationOnly(t)) {
      // conflict records (ADR 0064) and the audit trail (ADR 0107) stay within the organisation
      return Optional.empty();
    }
    Condition ours = Directory.authoredBy(col(t, DOT_REPLICA), own);
    if (!PersonData.isAboutPerson(t)) {
      return Optional.of(changed.and(ours));
    }
    var cc = CANDIDATE_CONSENT.as("cc_changed");
    Condition consentChanged =
        PersonData.person(t)
            .in(
                DSL.select(cc.ID)
                    .from(cc)
                    .where(cc.CHANGE_SEQ.gt(from))
                    .and(Directory.authoredBy(cc.DOT_REPLICA, own)));
    return Optional.of(changed.or(consentChanged).and(ours).and(PersonData.mayGoTo(t, own, to)));
  }
}
