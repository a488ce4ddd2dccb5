package fr.passerelle.security;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.security.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.offers.io.OfferTransfer;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of every service reachable from {@code app/Services} has a rule here: the
 * permission it requires, or none (with the reason). A new service method without a rule fails
 * {@link #everyPublicServiceMethodHasARule}; a rule the service does not enforce fails {@link
 * #eachRoleIsAllowedOrRefusedAsTheRolesGrant}, which calls every method as each role (and as
 * nobody) with blank arguments: refused exactly when the role lacks the permission, the refusal
 * audited and nothing changed.
 */
class AccessMatrixTest {
  /** No permission needed: why. */
  record Open(String why) {}

  private static final Open REFERENCE = new Open("reference data or computation, no personal data");
  private static final Open ACCESSOR = new Open("returns a service whose methods have rules");
  private static final Open SIGN_IN = new Open("the sign-in itself: checked by the password");
  private static final Open COUNTS = new Open("counts or aggregates, no person named");
  private static final Open OFFICES = new Open("offices and peers: organisations, not persons");

  /** Class simple name + "." + method name → the permission, or an {@link Open} reason. */
  static final Map<String, Object> RULES = new LinkedHashMap<>();

  private static void rule(String cls, Object rule, String... methods) {
    for (String m : methods) {
      Object previous = RULES.put(cls + "." + m, rule);
      if (previous != null) {
        throw new IllegalStateException("two rules for " + cls + "." + m);
      }
    }
  }

  static {
    rule(
        "CandidateSearch",
        CANDIDATES_READ,
        "search",
        "count",
        "page",
        "summaries",
        "recent",
        "byName");
    rule("CandidateSearch", REFERENCE, "reference");
    rule("CandidateSearch", COUNTS, "warmUp");
    rule("CandidateService", CANDIDATES_READ, "find", "duplicates", "markOpened");
    rule("CandidateService", SENSITIVE_READ, "showSensitive");
    rule("CandidateService", CANDIDATES_WRITE, "save", "merge", "delete");
    rule("CandidateService", REFERENCE, "reference", "today", "validate", "sensitiveAllowed");
    rule("CandidateService", ACCESSOR, "transfer");
    rule("CandidateTransfer", CANDIDATES_WRITE, "importFile");
    rule("CandidateTransfer", DATA_EXPORT, "exportFile");

    rule("MeetingService", REFERENCE, "focus", "now");
    rule("MeetingService", MEETINGS_WRITE, "create", "update", "duplicate", "cancel");
    rule(
        "MeetingService",
        MEETINGS_READ,
        "find",
        "get",
        "list",
        "next",
        "roomClashes",
        "trainingPaths",
        "sheet",
        "revision");
    rule(
        "ParticipantService",
        MEETINGS_WRITE,
        "inviteCandidates",
        "inviteSourcingList",
        "addExternal",
        "setStatus",
        "remove",
        "restore");
    rule("ParticipantService", MEETINGS_READ, "participants", "counts", "invitationClashes");
    rule("ParticipantService", CANDIDATES_READ, "searchCandidates");
    rule("ParticipantService", LISTS_READ, "sourcingLists");
    rule("MeetingService", MEETING_DOCUMENTS, "document");
    rule(
        "MeetingFocus",
        new Open("occupations and open offers, no personal data"),
        "occupation",
        "offer");

    rule("SourcingService", LISTS_WRITE, "create", "add", "move", "remove", "restore", "close");
    rule(
        "SourcingService",
        LISTS_READ,
        "eligibility",
        "defaultOwner",
        "lists",
        "find",
        "entries",
        "export");

    rule("TrainingService", REFERENCE, "today", "allows");
    rule("TrainingService", ACCESSOR, "rules");
    rule("TrainingService", TRAINING_WRITE, "create", "update", "move", "recordOutcome", "delete");
    rule(
        "TrainingService",
        TRAINING_READ,
        "warnings",
        "find",
        "board",
        "pathsOf",
        "outcomesDue",
        "timeline",
        "trainingMeetings",
        "events");
    rule(
        "FundingRuleService",
        new Open("public funding rules (law), audited when exported"),
        "all",
        "inForce",
        "check",
        "exportCsv");
    rule("FundingRuleService", FUNDING_RULES_MANAGE, "importCsv", "restoreShipped");
    rule("TrainingReads", TRAINING_READ, "byTarget");
    rule("TrainingReads", OFFERS_READ, "openOffers");
    rule("TrainingReads", CANDIDATES_READ, "findCandidates");

    rule(
        "OffersModule", ACCESSOR, "offers", "tension", "hardToFill", "occupationTable", "matching");
    rule("OffersModule", COUNTS, "poolShares");
    rule("OffersModule", OFFERS_READ, "offerOccupation");
    rule("OffersModule", REFERENCE, "geo");
    rule("OfferService", REFERENCE, "validate", "today");
    rule("OfferService", OFFERS_WRITE, "save", "close", "setOverride");
    rule("OfferService", OFFERS_READ, "find", "findAll", "employerNames");
    rule("TensionService", OFFERS_WRITE, "set");
    rule("TensionService", OFFERS_READ, "inTension");
    rule(
        "HardToFillService",
        OFFERS_READ,
        "settings",
        "openOffers",
        "signalOf",
        "hardToFillRomeCodes");
    rule("HardToFillService", SETTINGS_MANAGE, "saveSettings");
    // the dashboard's count (ADR 0174): OFFERS_READ or DASHBOARD_READ, which the roles grant
    // together
    rule("HardToFillService", DASHBOARD_READ, "rules");
    rule(
        "HardToFillService",
        new Open("whether a kept computation is current: no data"),
        "rulesReady");
    rule("Rules", COUNTS, "flaggedFromAge");
    rule("OccupationTableService", OFFERS_READ, "rows");
    rule("MatchingService", CANDIDATES_READ, "candidatesFor", "offersFor");
    rule("OfferTransfer", OFFERS_WRITE, "importFile");
    rule("OfferTransfer", DATA_EXPORT, "exportFile");

    rule("StatsService", REFERENCE, "today");
    rule("StatsService", COUNTS, "rowCounts");
    rule("StatsService", DASHBOARD_READ, "indicators", "firstIndicators");
    rule("StatsService", DATA_EXPORT, "exporting");

    rule("SyncService", ACCESSOR, "identity", "peers", "exporter", "importer", "conflicts");
    rule("SyncService", COUNTS, "digest", "status", "checkDatabase", "lastAutomaticBackup");
    rule("Identity", OFFICES, "keys", "office", "organisation", "replicaId", "card");
    rule("Identity", SIGN_IN, "protectKeysAtRest"); // seals this folder's own keys at sign-in
    rule("Peers", OFFICES, "read", "all", "find", "active", "writeOwnCard");
    rule("Peers", SYNC_TRUST, "trust", "revoke");
    rule("Conflicts", COUNTS, "openCount");
    rule("Conflicts", SYNC_EXCHANGE, "open", "keep", "restore", "mergeFields");
    rule("SyncExporter", SYNC_EXCHANGE, "exportTo", "exportAll");
    rule("SyncImporter", SYNC_EXCHANGE, "importFile");
    rule(
        "SyncImporter",
        new Open(
            "recovery when the folder opens, before any sign-in: finishes an import already"
                + " begun by an account that held the permission (ADR 0080)"),
        "finishInterrupted");

    rule("OfficeService", SETTINGS_MANAGE, "init", "updateContact");
    rule("OfficeService", OFFICES, "contact");
    rule("OfficeService", REFERENCE, "clock");
    rule("MeetingService", REFERENCE, "changedAt", "zone", "counselor");
    rule("MeetingService", MEETING_DOCUMENTS, "setCounselor");
    rule("SyncService", ACCESSOR, "quarantine");
    rule("Quarantine", COUNTS, "count");
    rule("Quarantine", SYNC_EXCHANGE, "latest");
    rule(
        "SearchService",
        CANDIDATES_READ,
        "candidates",
        "candidatesWithContact",
        "find",
        "findAnywhere");
    rule("SearchService", COUNTS, "catchUp", "warmUp", "status", "close", "consentingOnly");
    rule("OfficeService", OFFICES, "current", "find", "all", "kind");
    // the office server's change notices: a change sequence, no record and no person
    rule("ChangeNotices", COUNTS, "subscribe", "subscribers", "listening", "close");
    rule("OccupationService", REFERENCE, "search", "find");
    rule("DemoService", SETTINGS_MANAGE, "generate");
    rule("Backups", BACKUP_MANAGE, "backup", "checkRestore");

    rule(
        "AccountService",
        ACCOUNTS_MANAGE,
        "list",
        "roles",
        "permissionCodes",
        "unlinkedCounselors",
        "create",
        "setRoles",
        "setDisabled",
        "resetPassword",
        "unlock",
        "byLogin",
        "find",
        "renewRecoveryKey");
    rule(
        "AccountService",
        new Open("only when the recovery key opened the database"),
        "recoverAccess");
    rule("AccountService", SETTINGS_MANAGE, "setIdleLock");
    rule("AccountService", new Open("the lock of every account's window"), "idleLock");
    rule(
        "AccountService",
        new Open("the set-up: refused once any account exists"),
        "setUp",
        "createFirstAdministrator");
    rule(
        "SignInService",
        SIGN_IN,
        "signIn",
        "unlock",
        "signOut",
        "noAccountYet",
        "changePassword",
        "requireAcceptable",
        "problems",
        "refresh");
    rule("AuditService", AUDIT_READ, "list", "export", "verify");
    rule("AuditService", REFERENCE, "today");

    rule("RetentionService", new Open("the office's retention rules: no personal data"), "rules");
    rule("RetentionService", RETENTION_RULES, "setRule");
    rule(
        "RetentionService",
        RETENTION_PURGE,
        "propose",
        "proposal",
        "openProposal",
        "nextProposalDue",
        "purge");
    rule("PersonRightsService", PERSON_RIGHTS, "collect", "export", "erase");
  }

  /** Classes a service accessor returns that are not services (no rule needed): why. */
  static final Map<String, String> NOT_SERVICES =
      Map.of(
          "Database", "the database itself (code only)",
          "ReplicatedWriter", "the writer of replicated rows (code only)",
          "Settings", "local key-value settings (code only)",
          "Access", "the permission check itself",
          "ReferenceLookup", "communes and occupations (reference data)",
          "CommuneGeo", "commune centroids (reference data)",
          "LocalKeys", "this installation's keys (code only)",
          "IdentityCard", "a public identity card",
          "KeyRing", "the encrypted database's key slots (code only)",
          "RecoveryKey", "a recovery key (returned by AccountService.renewRecoveryKey)");

  @TempDir static Path dir;
  static Services s;

  @BeforeAll
  static void open() {
    s = TestServices.open(dir);
    s.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @AfterAll
  static void close() {
    s.close();
  }

  /** Every service instance reachable from {@code Services} through accessors, by class. */
  static Map<Class<?>, Object> services(Services s) throws Exception {
    Map<Class<?>, Object> found = new LinkedHashMap<>();
    List<Object> todo = new ArrayList<>(List.of(s));
    while (!todo.isEmpty()) {
      Object o = todo.remove(0);
      for (Method m : o.getClass().getMethods()) {
        Class<?> t = m.getReturnType();
        if (m.getParameterCount() != 0
            || Modifier.isStatic(m.getModifiers())
            || !t.getName().startsWith("fr.passerelle.")
            || t.isRecord()
            || t.isEnum()
            || t.isInterface()
            || t.getName().startsWith("fr.passerelle.db.jooq")
            || NOT_SERVICES.containsKey(t.getSimpleName())
            || found.containsKey(t)) {
          continue;
        }
        Object service = m.invoke(o);
        found.put(t, service);
        todo.add(service);
      }
    }
    found.put(
        OfferTransfer.class,
        new OfferTransfer(s.db(), s.writer(), s.candidates().reference(), s.access()));
    found.put(fr.passerelle.demo.DemoService.class, new fr.passerelle.demo.DemoService(s));
    return found;
  }

  private static List<Method> publicMethods(Class<?> c) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()
          && !m.isBridge()) {
        out.add(m);
      }
    }
    out.sort(java.util.Comparator.comparing(Method::toString));
    return out;
  }

  @Test
  void everyPublicServiceMethodHasARule() throws Exception {
    Set<String> missing = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (Class<?> c : services(s).keySet()) {
      for (Method m : publicMethods(c)) {
        String key = c.getSimpleName() + "." + m.getName();
        seen.add(key);
        if (!RULES.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    assertThat(missing).as("service methods without a rule in AccessMatrixTest.RULES").isEmpty();
    assertThat(new TreeSet<>(RULES.keySet()))
        .as("rules naming no method (renamed or removed)")
        .isSubsetOf(seen);
  }

  @Test
  void theRulesCoverEveryServiceAndReadPersonalDataOnlyWithAPermission() throws Exception {
    assertThat(services(s).keySet().stream().map(Class::getSimpleName).toList())
        .contains(
            "CandidateSearch",
            "CandidateService",
            "CandidateTransfer",
            "MeetingService",
            "ParticipantService",
            "SourcingService",
            "TrainingService",
            "MatchingService",
            "SyncExporter",
            "SyncImporter",
            "AccountService",
            "AuditService",
            "Backups");
  }

  /** The accounts to call as: one per role, and nobody. */
  static final List<String> ROLES =
      List.of(Roles.ADMINISTRATOR, Roles.COUNSELOR, Roles.MANAGER, Roles.READ_ONLY);

  @Test
  void eachRoleIsAllowedOrRefusedAsTheRolesGrant() throws Exception {
    Map<Class<?>, Object> services = services(s);
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (String role : ROLES) {
      TestServices.as(s, role.toLowerCase(), role);
      Set<Permission> granted = s.access().principal().orElseThrow().permissions();
      calls += walk(services, Optional.of(granted), role, wrong);
    }
    s.signIn().signOut();
    calls += walk(services, Optional.empty(), "nobody", wrong);
    TestServices.signInAdmin(s);
    assertThat(wrong).as("methods not enforcing their rule").isEmpty();
    assertThat(calls).isGreaterThan(300);
  }

  private static int walk(
      Map<Class<?>, Object> services,
      Optional<Set<Permission>> granted,
      String who,
      List<String> wrong)
      throws Exception {
    int calls = 0;
    for (var e : services.entrySet()) {
      for (Method m : publicMethods(e.getKey())) {
        Object rule = RULES.get(e.getKey().getSimpleName() + "." + m.getName());
        if (!(rule instanceof Permission p)) {
          continue;
        }
        boolean allowed = granted.map(g -> g.contains(p)).orElse(false);
        long refusedBefore = refusals();
        long changeSeq = changeSeq();
        Throwable thrown = call(e.getValue(), m);
        calls++;
        String name = who + " → " + e.getKey().getSimpleName() + "." + m.getName();
        if (allowed) {
          if (thrown instanceof AccessDeniedException) {
            wrong.add(name + ": refused though " + who + " holds " + p);
          }
        } else if (!(thrown instanceof AccessDeniedException d)) {
          wrong.add(name + ": not refused (" + thrown + "), needs " + p);
        } else {
          if (d.missing() != p) {
            wrong.add(name + ": refused for " + d.missing() + " instead of " + p);
          }
          if (refusals() != refusedBefore + 1) {
            wrong.add(name + ": refusal not audited");
          }
          if (changeSeq() != changeSeq) {
            wrong.add(name + ": refused but the data changed");
          }
        }
      }
    }
    return calls;
  }

  private static Throwable call(Object target, Method m) {
    Object[] args = new Object[m.getParameterCount()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = blank(types[i]);
    }
    try {
      m.invoke(target, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object blank(Class<?> t) {
    if (t == boolean.class) {
      return false;
    }
    if (t == int.class) {
      return 0;
    }
    if (t == long.class) {
      return 0L;
    }
    if (t == double.class) {
      return 0.0;
    }
    if (t == fr.passerelle.core.Progress.class) {
      return fr.passerelle.core.Progress.NONE;
    }
    return null;
  }

  private static long refusals() {
    return s.db().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(AuditAction.REFUSED.name()));
  }

  private static long changeSeq() {
    return ReplicatedWriter.currentReplica(s.db().dsl()).getChangeSeq();
  }
}
