package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which replicated rows are about a person, and the consent rule on them (DESIGN.md, Organisations
 * and consent). THE one place to update when a table about a person is added: one line in {@link
 * #PERSON_COLUMN} (or {@link #PERSON_JOINED}), and one in {@link #SENSITIVE} if some of its rows
 * are health data.
 */
final class PersonData {
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

  /** Table name → the expression of the person a row is about, for the other tables. */
  private static final Map<String, Function<Table<?>, Field<UUID>>> PERSON_JOINED =
      Map.of(
          "TRAINING_EVENT",
          t ->
              DSL.field(
                  DSL.select(TRAINING_PATH.as("tp_person").CANDIDATE_ID)
                      .from(TRAINING_PATH.as("tp_person"))
                      .where(TRAINING_PATH.as("tp_person").ID.eq(uuid(t, "PATH_ID")))));

  /** Table name → the rows of it that are sensitive (need the sensitive consent too). */
  private static final Map<String, Function<Table<?>, Condition>> SENSITIVE =
      Map.of(
          "CANDIDATE_CRITERION",
          t -> DSL.field(DSL.name(t.getName(), "CRITERION"), String.class).in(SENSITIVE_CRITERIA),
          "SYNC_CONFLICT",
          t ->
              DSL.field(DSL.name(t.getName(), "TABLE_NAME"), String.class)
                  .eq("CANDIDATE_CRITERION"));

  private PersonData() {}

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

  static boolean isConflict(Table<?> t) {
    return t.getName().equalsIgnoreCase("SYNC_CONFLICT");
  }

  static boolean isConsent(Table<?> t) {
    return t.getName().equalsIgnoreCase(CANDIDATE_CONSENT.getName());
  }

  /** The person a row of {@code t} is about; only for tables {@link #isAboutPerson}. */
  static Field<UUID> person(Table<?> t) {
    Field<UUID> c = personColumn(t);
    return c != null ? c : PERSON_JOINED.get(t.getName().toUpperCase()).apply(t);
  }

  /** The rows of {@code t} that are health data (false for most tables). */
  static Condition sensitive(Table<?> t) {
    Function<Table<?>, Condition> f = SENSITIVE.get(t.getName().toUpperCase());
    return f == null ? DSL.falseCondition() : f.apply(t);
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
