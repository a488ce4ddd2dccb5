package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.DOT_REPLICA;
import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.OFFICE;

import fr.passerelle.db.VersionStore;
import fr.passerelle.db.jooq.tables.records.OfficeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/**
 * What a partner organisation may change here (ADR 0085), decided per incoming version of a file
 * from another organisation, whatever the version claims (its version vector, its clock): only
 * versions authored in the sender's organisation; rows about a person only if the person is the
 * sender's, or ours and shared with the sender (this data included: health data needs the sensitive
 * consent); never a consent, a deletion or a move of a person the sender does not hold; offices and
 * counselors only the sender's own; never a conflict record. A deletion of a row about a person
 * this office never held is dropped silently (it carries no data).
 */
final class PartnerRules {
  /** What to do with one version: store it, drop it silently, or refuse it with a reason. */
  record Decision(Refusal refusal, String holder, UUID person, boolean skip) {
    static final Decision ACCEPT = new Decision(null, null, null, false);
    static final Decision SKIP = new Decision(null, null, null, true);

    static Decision refuse(Refusal why, String holder, UUID person) {
      return new Decision(why, holder, person, false);
    }

    boolean accepted() {
      return refusal == null && !skip;
    }
  }

  private final DSLContext tx;
  private final String own;
  private final String sender;
  private final Function<UUID, Optional<String>> organisationOf;
  private final Ownership ownership;

  PartnerRules(
      DSLContext tx, String own, String sender, Function<UUID, Optional<String>> organisationOf) {
    this.tx = tx;
    this.own = own;
    this.sender = sender;
    this.organisationOf = organisationOf;
    this.ownership = new Ownership(tx, own, organisationOf);
  }

  /** One decision per version of {@code batch} (versions of {@code table}, distinct ids). */
  List<Decision> decide(Table<?> table, List<Record> batch) {
    Map<UUID, Record> stored = stored(table, batch);
    List<Decision> out = new ArrayList<>(batch.size());
    List<Record> authored = new ArrayList<>();
    for (Record r : batch) {
      Optional<String> author = organisationOf.apply(r.get(col(table, DOT_REPLICA)));
      if (author.isPresent() && author.get().equals(sender)) {
        out.add(null);
        authored.add(r);
      } else {
        out.add(Decision.refuse(Refusal.OTHER_AUTHOR, author.orElse(null), null));
      }
    }
    List<Decision> decided;
    if (PersonData.isConflict(table)) {
      decided = authored.stream().map(r -> Decision.refuse(Refusal.CONFLICT, null, null)).toList();
    } else if (PersonData.isConsent(table)) {
      decided = consents(table, authored);
    } else if (PersonData.isAboutPerson(table)) {
      decided = personRows(table, authored, stored);
    } else if (table.getName().equalsIgnoreCase(OFFICE.getName())
        || table.getName().equalsIgnoreCase(COUNSELOR.getName())) {
      decided = offices(table, authored, stored);
    } else {
      decided = authored.stream().map(r -> Decision.ACCEPT).toList();
    }
    int k = 0;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) == null) {
        out.set(i, decided.get(k++));
      }
    }
    return out;
  }

  private Map<UUID, Record> stored(Table<?> table, List<Record> batch) {
    List<UUID> ids = batch.stream().map(r -> r.get(col(table, ID))).toList();
    Map<UUID, Record> m = new HashMap<>();
    for (Record r : tx.selectFrom(table).where(VersionStore.idIn(col(table, ID), ids)).fetch()) {
      m.put(r.get(col(table, ID)), r);
    }
    return m;
  }

  private static boolean deleted(Table<?> t, Record r) {
    return Boolean.TRUE.equals(r.get(col(t, DELETED)));
  }

  /** Only the organisation holding a person records their consent; a new person is the sender's. */
  private List<Decision> consents(Table<?> table, List<Record> batch) {
    Map<UUID, Ownership.Holder> holders =
        ownership.of(batch.stream().map(r -> r.get(col(table, ID))).toList());
    List<Decision> out = new ArrayList<>(batch.size());
    for (Record r : batch) {
      UUID person = r.get(col(table, ID));
      Ownership.Holder h = holders.get(person);
      out.add(
          h == null || h.organisation().equals(sender)
              ? Decision.ACCEPT
              : Decision.refuse(Refusal.CONSENT, h.organisation(), person));
    }
    return out;
  }

  private List<Decision> personRows(Table<?> table, List<Record> batch, Map<UUID, Record> stored) {
    List<Record> live = batch.stream().filter(r -> !deleted(table, r)).toList();
    Map<UUID, UUID> named = PersonData.personsNamed(tx, table, live);
    Map<UUID, UUID> storedPerson = new HashMap<>();
    List<UUID> storedIds =
        batch.stream().map(r -> r.get(col(table, ID))).filter(stored::containsKey).toList();
    if (!storedIds.isEmpty()) {
      tx.select(col(table, ID), PersonData.person(table))
          .from(table)
          .where(VersionStore.idIn(col(table, ID), storedIds))
          .forEach(r -> storedPerson.put(r.value1(), r.value2()));
    }
    Set<UUID> persons = new HashSet<>(named.values());
    storedPerson.values().stream().filter(Objects::nonNull).forEach(persons::add);
    Map<UUID, Ownership.Holder> holders = ownership.of(persons);
    boolean candidateTable = table.getName().equalsIgnoreCase(CANDIDATE.getName());
    List<Decision> out = new ArrayList<>(batch.size());
    for (Record v : batch) {
      UUID id = v.get(col(table, ID));
      Record s = stored.get(id);
      boolean gone = deleted(table, v);
      Set<UUID> about = new LinkedHashSet<>();
      if (named.get(id) != null) {
        about.add(named.get(id));
      }
      if (storedPerson.get(id) != null) {
        about.add(storedPerson.get(id));
      }
      if (about.isEmpty()) {
        if (s == null && gone) {
          out.add(Decision.SKIP); // the deletion of a row this office never held
        } else if (!gone && PersonData.namesSomeone(table, v)) {
          out.add(
              Decision.refuse(Refusal.UNKNOWN_PERSON, null, null)); // through a parent unknown here
        } else {
          out.add(Decision.ACCEPT); // about no person (a meeting's staff)
        }
        continue;
      }
      Decision d = Decision.ACCEPT;
      for (UUID person : about) {
        Ownership.Holder h = holders.get(person);
        boolean sensitive =
            PersonData.isSensitive(table, v) || s != null && PersonData.isSensitive(table, s);
        if (h == null) {
          d =
              s == null && gone
                  ? Decision.SKIP
                  : Decision.refuse(Refusal.UNKNOWN_PERSON, null, person);
        } else if (h.organisation().equals(sender)) {
          continue;
        } else if (!h.organisation().equals(own)) {
          d = Decision.refuse(Refusal.RELAYED, h.organisation(), person);
        } else if (candidateTable && gone) {
          d = Decision.refuse(Refusal.PERSON_DELETED, own, person);
        } else if (!h.allows(sensitive)) {
          d = Decision.refuse(Refusal.NOT_SHARED, own, person);
        } else if (candidateTable
            && s != null
            && !deleted(table, s)
            && !Objects.equals(s.get(CANDIDATE.OFFICE_ID), v.get(CANDIDATE.OFFICE_ID))) {
          d = Decision.refuse(Refusal.MOVED, own, person);
        }
        if (!d.accepted()) {
          break;
        }
      }
      out.add(d);
    }
    return out;
  }

  /** An office, and a counselor through its office, belong to the office's organisation. */
  private List<Decision> offices(Table<?> table, List<Record> batch, Map<UUID, Record> stored) {
    boolean office = table.getName().equalsIgnoreCase(OFFICE.getName());
    Set<UUID> officeIds = new HashSet<>();
    if (!office) {
      for (Record r : batch) {
        addIfPresent(officeIds, r.get(COUNSELOR.OFFICE_ID));
        Record s = stored.get(r.get(col(table, ID)));
        if (s != null) {
          addIfPresent(officeIds, s.get(COUNSELOR.OFFICE_ID));
        }
      }
    }
    Map<UUID, OfficeRecord> offices =
        officeIds.isEmpty()
            ? Map.of()
            : tx.selectFrom(OFFICE)
                .where(VersionStore.idIn(OFFICE.ID, officeIds))
                .fetchMap(OFFICE.ID);
    List<Decision> out = new ArrayList<>(batch.size());
    for (Record v : batch) {
      Record s = stored.get(v.get(col(table, ID)));
      boolean gone = deleted(table, v);
      if (s == null && gone) {
        out.add(Decision.SKIP);
        continue;
      }
      String before = s == null ? sender : holder(table, s, office, offices);
      String after = gone ? sender : office ? v.get(OFFICE.ORGANISATION) : officeOrg(v, offices);
      if (!sender.equals(before)) {
        out.add(Decision.refuse(Refusal.OFFICE, before, null));
      } else if (!sender.equals(after)) {
        out.add(Decision.refuse(Refusal.OFFICE, after, null));
      } else {
        out.add(Decision.ACCEPT);
      }
    }
    return out;
  }

  private String holder(Table<?> table, Record s, boolean office, Map<UUID, OfficeRecord> offices) {
    if (deleted(table, s)) {
      return organisationOf.apply(s.get(col(table, DOT_REPLICA))).orElse(null);
    }
    return office ? s.get(OFFICE.ORGANISATION) : officeOrg(s, offices);
  }

  private String officeOrg(Record counselor, Map<UUID, OfficeRecord> offices) {
    OfficeRecord o = offices.get(counselor.get(COUNSELOR.OFFICE_ID));
    if (o == null) {
      return null;
    }
    return deleted(OFFICE, o)
        ? organisationOf.apply(o.get(OFFICE.DOT_REPLICA)).orElse(null)
        : o.get(OFFICE.ORGANISATION);
  }

  private static void addIfPresent(Set<UUID> s, UUID id) {
    if (id != null) {
      s.add(id);
    }
  }
}
