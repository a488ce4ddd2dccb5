package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.OFFICE;

import fr.passerelle.db.VersionStore;
import fr.passerelle.db.VersionVector;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Which organisation holds a person's file, as this office knows it (ADR 0085), and what the
 * consent held here lets partners hold. The holder is the organisation that wrote the person's
 * consent (only it may: ADR 0063), read from every author of the consent row's version vector; if
 * those are of several organisations (a consent forged before this rule existed), the one whose
 * office follows the candidate wins, else the latest author. A person with a candidate row here and
 * no consent row is this office's own (ADR 0063).
 */
final class Ownership {
  /**
   * What this office knows of a person: the organisation holding their file ({@code null}: not
   * known) and what their consent allows: 0 nothing, 1 sharing, 2 sharing with health data.
   */
  record Holder(String organisation, int permission) {
    boolean allows(boolean sensitive) {
      return permission >= (sensitive ? 2 : 1);
    }
  }

  private final DSLContext tx;
  private final String own;
  private final Function<UUID, Optional<String>> organisationOf;

  /**
   * @param own this office's organisation
   * @param organisationOf replica id → its organisation (the directory, usually cached)
   */
  Ownership(DSLContext tx, String own, Function<UUID, Optional<String>> organisationOf) {
    this.tx = tx;
    this.own = own;
    this.organisationOf = organisationOf;
  }

  /** person → what is known of them; absent when this office holds neither consent nor file. */
  Map<UUID, Holder> of(Collection<UUID> persons) {
    if (persons.isEmpty()) {
      return Map.of();
    }
    Set<UUID> ids = new HashSet<>(persons);
    Set<UUID> candidates =
        new HashSet<>(
            tx.select(CANDIDATE.ID)
                .from(CANDIDATE)
                .where(VersionStore.idIn(CANDIDATE.ID, ids))
                .fetch(CANDIDATE.ID));
    Map<UUID, String> officeOrganisation =
        tx.select(CANDIDATE.ID, OFFICE.ORGANISATION)
            .from(CANDIDATE)
            .join(OFFICE)
            .on(OFFICE.ID.eq(CANDIDATE.OFFICE_ID))
            .where(VersionStore.idIn(CANDIDATE.ID, ids))
            .and(CANDIDATE.DELETED.isFalse())
            .and(OFFICE.DELETED.isFalse())
            .fetchMap(CANDIDATE.ID, OFFICE.ORGANISATION);
    Map<UUID, Holder> out = new HashMap<>();
    var cc = CANDIDATE_CONSENT;
    for (var r :
        tx.select(cc.ID, cc.VV, cc.DOT_REPLICA, cc.SHARE, cc.SENSITIVE, cc.DELETED)
            .from(cc)
            .where(VersionStore.idIn(cc.ID, ids))
            .fetch()) {
      Set<String> authors = new HashSet<>();
      for (UUID replica : VersionVector.parse(r.get(cc.VV)).entries().keySet()) {
        organisationOf.apply(replica).ifPresent(authors::add);
      }
      String office = officeOrganisation.get(r.get(cc.ID));
      String holder;
      if (authors.size() == 1) {
        holder = authors.iterator().next();
      } else if (office != null && authors.contains(office)) {
        holder = office;
      } else {
        holder = organisationOf.apply(r.get(cc.DOT_REPLICA)).orElse(null);
      }
      boolean share = !r.get(cc.DELETED) && Boolean.TRUE.equals(r.get(cc.SHARE));
      int permission = !share ? 0 : Boolean.TRUE.equals(r.get(cc.SENSITIVE)) ? 2 : 1;
      if (holder != null) {
        out.put(r.get(cc.ID), new Holder(holder, permission));
      }
    }
    for (UUID c : candidates) {
      out.putIfAbsent(c, new Holder(own, 0));
    }
    return out;
  }
}
