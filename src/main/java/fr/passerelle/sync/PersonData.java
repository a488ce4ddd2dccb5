package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.db.VersionStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which replicated rows are about a person, and the consent rule on them (docs/architecture.md,
 * Organisations and consent). THE one place to update when a table about a person is added: one
 * line in {@link #PERSON_COLUMN} (or {@link #PERSON_JOINED}), and one in {@link #SENSITIVE} if some
 * of its rows are health data.
 */
public final class PersonData {
  /** Criteria that are health data: they travel only with the sensitive consent. */
  static final List<String> SENSITIVE_CRITERIA = List.of("RQTH", "AAH");

  /** Table name → the column of its rows naming the person they are about, when there is one. */
  private static final Map<String, String> PERSON_COLUMN =
      Map.of(
          "CANDIDATE", "ID",
          "CANDIDATE_CRITERION", "CANDIDATE_ID",
          "CANDIDATE_OCCUPATION", "CANDIDATE_ID",
          "SOURCING_ENTRY", "CANDIDATE_ID",
          "MEETING_PARTICIPANT", "CANDIDATE_ID",
          "TRAINING_PATH", "CANDIDATE_ID",
          "SYNC_CONFLICT", "PERSON_ID");

  /**
   * A table whose rows name their person through a parent row: the column holding the parent's id
   * and the parent table (itself in {@link #PERSON_COLUMN}).
   */
  private record Parent(String column, Table<?> table) {}

  /** Table name → its parent, for the tables whose person is found through another table. */
  private static final Map<String, Parent> PERSON_JOINED =
      Map.of("TRAINING_EVENT", new Parent("PATH_ID", TRAINING_PATH));

  /** A column whose values make a row health data. */
  private record Sensitive(String column, List<String> values) {}

  /** Table name → the rows of it that are sensitive (need the sensitive consent too). */
  private static final Map<String, Sensitive> SENSITIVE =
      Map.of(
          "CANDIDATE_CRITERION", new Sensitive("CRITERION", SENSITIVE_CRITERIA),
          "SYNC_CONFLICT", new Sensitive("TABLE_NAME", List.of("CANDIDATE_CRITERION")));

  private PersonData() {}

  /** True for a priority criterion that is health data (RQTH, AAH). */
  public static boolean isSensitiveCriterion(String criterion) {
    return criterion != null && SENSITIVE_CRITERIA.contains(criterion);
  }

  private static Field<UUID> uuid(Table<?> t, String column) {
    return DSL.field(DSL.name(t.getName(), column), UUID.class);
  }

  static boolean isAboutPerson(Table<?> t) {
    String n = t.getName().toUpperCase();
    return PERSON_COLUMN.containsKey(n) || PERSON_JOINED.containsKey(n);
  }

  /**
   * The column of {@code t} naming the person its rows are about, or null when the person is found
   * through another table; only for tables {@link #isAboutPerson}.
   */
  static Field<UUID> personColumn(Table<?> t) {
    String c = PERSON_COLUMN.get(t.getName().toUpperCase());
    return c == null ? null : uuid(t, c);
  }

  /**
   * The tables whose rows name their person through a row of {@code t} (a training path's events),
   * with the column holding that row's id.
   */
  static Map<Table<?>, Field<UUID>> children(Table<?> t) {
    Map<Table<?>, Field<UUID>> out = new java.util.LinkedHashMap<>();
    for (Table<?> c : fr.passerelle.db.ReplicatedTables.ALL) {
      Parent p = PERSON_JOINED.get(c.getName().toUpperCase());
      if (p != null && p.table().getName().equalsIgnoreCase(t.getName())) {
        out.put(c, uuid(c, p.column()));
      }
    }
    return out;
  }

  static boolean isConflict(Table<?> t) {
    return t.getName().equalsIgnoreCase("SYNC_CONFLICT");
  }

  static boolean isConsent(Table<?> t) {
    return t.getName().equalsIgnoreCase(CANDIDATE_CONSENT.getName());
  }

  /** The person a row of {@code t} is about; only for tables {@link #isAboutPerson}. */
  static Field<UUID> person(Table<?> t) {
    Field<UUID> c = personColumn(t);
    if (c != null) {
      return c;
    }
    Parent p = PERSON_JOINED.get(t.getName().toUpperCase());
    Table<?> parent = p.table().as("parent_person");
    return DSL.field(
        DSL.select(uuid(parent, PERSON_COLUMN.get(p.table().getName())))
            .from(parent)
            .where(uuid(parent, "ID").eq(uuid(t, p.column()))));
  }

  /**
   * The person each of these versions of {@code t} names (row id → person), for versions not stored
   * yet: its own column, or its parent row's person when the parent is stored here. A version
   * naming no person (or a parent unknown here) is absent.
   */
  static Map<UUID, UUID> personsNamed(DSLContext ctx, Table<?> t, List<Record> versions) {
    Map<UUID, UUID> out = new HashMap<>();
    String column = PERSON_COLUMN.get(t.getName().toUpperCase());
    Parent parent = PERSON_JOINED.get(t.getName().toUpperCase());
    String own = column != null ? column : parent.column();
    Map<UUID, UUID> parents = new HashMap<>();
    for (Record r : versions) {
      Object v = r.get(t.field(own));
      if (v instanceof UUID u) {
        parents.put(r.get(col(t, ID)), u);
      }
    }
    if (column != null) {
      return parents;
    }
    Table<?> pt = parent.table();
    Map<UUID, UUID> personOfParent =
        parents.isEmpty()
            ? Map.of()
            : ctx.select(uuid(pt, "ID"), uuid(pt, PERSON_COLUMN.get(pt.getName())))
                .from(pt)
                .where(VersionStore.idIn(uuid(pt, "ID"), new HashSet<>(parents.values())))
                .fetchMap(uuid(pt, "ID"), uuid(pt, PERSON_COLUMN.get(pt.getName())));
    parents.forEach(
        (row, p) -> {
          UUID person = personOfParent.get(p);
          if (person != null) {
            out.put(row, person);
          }
        });
    return out;
  }

  /** {@code r}, a version of {@code t}, names a person (or the parent row naming one). */
  static boolean namesSomeone(Table<?> t, Record r) {
    String column = PERSON_COLUMN.get(t.getName().toUpperCase());
    Parent parent = PERSON_JOINED.get(t.getName().toUpperCase());
    return r.get(t.field(column != null ? column : parent.column())) != null;
  }

  /** The rows of {@code t} that are health data (false for most tables). */
  static Condition sensitive(Table<?> t) {
    Sensitive s = SENSITIVE.get(t.getName().toUpperCase());
    return s == null
        ? DSL.falseCondition()
        : DSL.field(DSL.name(t.getName(), s.column()), String.class).in(s.values());
  }

  /** {@code r}, a version of {@code t}, is health data. */
  static boolean isSensitive(Table<?> t, Record r) {
    Sensitive s = SENSITIVE.get(t.getName().toUpperCase());
    if (s == null) {
      return false;
    }
    // a tombstone has no value left (List.of(...).contains(null) throws): not sensitive by itself
    String value = r.get(t.field(s.column()), String.class);
    return value != null && s.values().contains(value);
  }

  private static Field<UUID> ccField(String name) {
    return DSL.field(DSL.name("cc", name), UUID.class);
  }

  /** The consent row of {@code person} exists and was authored by a replica of {@code org}. */
  static Condition consentAuthoredBy(Field<UUID> person, String org, boolean equal) {
    var cc = CANDIDATE_CONSENT.as("cc");
    Condition inOrg = Directory.authoredBy(cc.DOT_REPLICA, org);
    return DSL.exists(
        DSL.selectOne().from(cc).where(cc.ID.eq(person)).and(equal ? inOrg : DSL.not(inOrg)));
  }

  /** The consent held here allows sharing this row ({@code sensitiveRow}: health data too). */
  static Condition consentAllows(Field<UUID> person, Condition sensitiveRow) {
    var cc = CANDIDATE_CONSENT.as("cc");
    return DSL.exists(
        DSL.selectOne()
            .from(cc)
            .where(cc.ID.eq(person))
            .and(cc.DELETED.isFalse())
            .and(cc.SHARE.isTrue())
            .and(DSL.not(sensitiveRow).or(cc.SENSITIVE.isTrue())));
  }

  /**
   * What may go to organisation {@code to} from {@code own} among the rows of a person table:
   * tombstones (no data left), rows about no person, rows about a person {@code own} owns whose
   * consent allows it, and rows about a person {@code to} owns.
   */
  static Condition mayGoTo(Table<?> t, String own, String to) {
    Field<UUID> p = person(t);
    return col(t, DELETED)
        .isTrue()
        .or(p.isNull())
        .or(consentAuthoredBy(p, own, true).and(consentAllows(p, sensitive(t))))
        .or(consentAuthoredBy(p, to, true));
  }

  /**
   * Rows a local write may not leave: about a person an organisation other than {@code own} owns
   * (as far as this office's directory knows), whose consent held here does not allow them. The
   * same rule as {@link #mustErase}, without needing this office in its own directory (it is added
   * at its first exchange).
   */
  static Condition forbiddenHere(Table<?> t, String own) {
    Field<UUID> p = person(t);
    var cc = CANDIDATE_CONSENT.as("cc");
    return p.isNotNull()
        .and(col(t, DELETED).isFalse())
        .andExists(
            DSL.selectOne()
                .from(cc)
                .where(cc.ID.eq(p))
                .and(Directory.authoredOutside(cc.DOT_REPLICA, own)))
        .and(DSL.not(consentAllows(p, sensitive(t))));
  }

  /**
   * Rows the receiver must not hold: about a person another organisation owns, whose consent held
   * here does not allow them.
   */
  static Condition mustErase(Table<?> t, String own) {
    Field<UUID> p = person(t);
    return p.isNotNull()
        .and(col(t, DELETED).isFalse())
        .and(consentAuthoredBy(p, own, false))
        .and(DSL.not(consentAllows(p, sensitive(t))));
  }
}
