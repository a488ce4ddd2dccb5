package fr.passerelle.sync.ui;

import fr.passerelle.sync.Conflicts;
import fr.passerelle.sync.IdentityCard;
import fr.passerelle.sync.Peer;
import fr.passerelle.sync.Quarantine;
import fr.passerelle.sync.SyncDigest;
import fr.passerelle.sync.SyncExporter;
import fr.passerelle.sync.SyncImportReport;
import fr.passerelle.sync.SyncService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State and actions of the Sync view; every service call goes through the task runner. */
public final class SyncViewModel {
  /** "All partners" in the target choice. */
  public static final Peer ALL = null;

  private final SyncService sync;
  private final TaskRunner tasks;
  private final Messages messages;
  private final ObservableList<Peer> peers = FXCollections.observableArrayList();
  private final ObservableList<List<Conflicts.Conflict>> conflictGroups =
      FXCollections.observableArrayList();
  private final ObservableList<Quarantine.Entry> refused = FXCollections.observableArrayList();
  private final ObjectProperty<SyncImportReport> report = new SimpleObjectProperty<>();
  private final StringProperty digest = new SimpleStringProperty("");
  private final StringProperty identity = new SimpleStringProperty("");
  private final StringProperty ownOffice = new SimpleStringProperty("");
  private final StringProperty ownOrganisation = new SimpleStringProperty("");
  private final StringProperty ownFingerprint = new SimpleStringProperty("");
  private final BooleanProperty hasPartner = new SimpleBooleanProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty error = new SimpleBooleanProperty();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  // true until the first refresh has answered: "no partner yet" is not said before they are read
  private final BooleanProperty loading = new SimpleBooleanProperty(true);
  private final ObjectProperty<Path> watchedFolder = new SimpleObjectProperty<>();
  private final Set<String> watchedSeen = new HashSet<>();

  public SyncViewModel(SyncService sync, TaskRunner tasks, Messages messages) {
    this.sync = sync;
    this.tasks = tasks;
    this.messages = messages;
  }

  public ObservableList<Peer> peers() {
    return peers;
  }

  public ObservableList<List<Conflicts.Conflict>> conflictGroups() {
    return conflictGroups;
  }

  /** Rows of partners' files refused one by one, most recent first (ADR 0085). */
  public ObservableList<Quarantine.Entry> refused() {
    return refused;
  }

  public ObjectProperty<SyncImportReport> report() {
    return report;
  }

  public StringProperty digest() {
    return digest;
  }

  public StringProperty identity() {
    return identity;
  }

  /** This office's name, as its card names it. */
  public StringProperty ownOffice() {
    return ownOffice;
  }

  /** This office's organisation, as its card names it. */
  public StringProperty ownOrganisation() {
    return ownOrganisation;
  }

  /** This office's fingerprint, read aloud to a partner (blocks of four). */
  public StringProperty ownFingerprint() {
    return ownFingerprint;
  }

  /** True once a partner is trusted (and not revoked): files can be prepared. */
  public BooleanProperty hasPartner() {
    return hasPartner;
  }

  public StringProperty message() {
    return message;
  }

  public BooleanProperty error() {
    return error;
  }

  public BooleanProperty busy() {
    return busy;
  }

  /** True until the partners are read the first time (the table shows a progress meanwhile). */
  public BooleanProperty loading() {
    return loading;
  }

  public ObjectProperty<Path> watchedFolder() {
    return watchedFolder;
  }

  private record Snapshot(
      List<Peer> peers,
      List<Conflicts.Conflict> conflicts,
      List<Quarantine.Entry> refused,
      String identity,
      String office,
      String organisation,
      String fingerprint) {}

  /** Reloads peers, conflicts and this office's identity line. */
  public void refresh() {
    tasks.submit(
        messages.get("sync.task.refresh"),
        p -> {
          var card = sync.identity().card();
          String id = messages.get("sync.identity.line", card.office(), card.organisation());
          return new Snapshot(
              sync.peers().all(),
              sync.conflicts().open(500),
              sync.quarantine().latest(500),
              id,
              card.office(),
              card.organisation(),
              card.fingerprint());
        },
        s -> {
          loading.set(false);
          peers.setAll(s.peers());
          hasPartner.set(s.peers().stream().anyMatch(p -> !p.revoked()));
          refused.setAll(s.refused());
          identity.set(s.identity());
          ownOffice.set(s.office());
          ownOrganisation.set(s.organisation());
          ownFingerprint.set(s.fingerprint());
          Map<String, List<Conflicts.Conflict>> groups = new LinkedHashMap<>();
          for (Conflicts.Conflict c : s.conflicts()) {
            groups.computeIfAbsent(c.actionKey(), k -> new ArrayList<>()).add(c);
          }
          conflictGroups.setAll(groups.values());
        },
        this::fail);
  }

  /** Writes this office's identity card to {@code file}, to send to a partner. */
  public void exportCard(Path file) {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.cardWrite"),
        p -> sync.peers().writeOwnCard(file),
        card -> {
          busy.set(false);
          ok(messages.get("sync.card.written", file.getFileName().toString(), file.getParent()));
        },
        this::fail);
  }

  /** Reads a partner's card in the background, then hands it to {@code then} (FX thread). */
  public void readCard(Path file, java.util.function.Consumer<IdentityCard> then) {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.cardRead"),
        p -> sync.peers().read(file),
        card -> {
          busy.set(false);
          then.accept(card);
        },
        this::fail);
  }

  /** Trusts a partner's card once its fingerprint was compared; the service checks the right. */
  public void trust(IdentityCard card) {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.trust"),
        p -> sync.peers().trust(card),
        peer -> {
          busy.set(false);
          ok(messages.get("sync.trust.done", peer.office(), peer.organisation()));
          refresh();
        },
        this::fail);
  }

  /** The fingerprints differ: nothing trusted, and the status line says what to do. */
  public void notTrusted(IdentityCard card) {
    error.set(true);
    message.set(messages.get("sync.trust.refused", card.office()));
  }

  /** Prepares files for one peer ({@code null}: every organisation) into {@code dir}. */
  public void prepare(Peer target, boolean full, Path dir) {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.export"),
        p ->
            target == ALL
                ? sync.exporter().exportAll(dir, full, p)
                : List.of(sync.exporter().exportTo(target.replicaId(), dir, full, p)),
        (List<SyncExporter.Result> results) -> {
          busy.set(false);
          StringBuilder sb = new StringBuilder();
          for (SyncExporter.Result r : results) {
            sb.append(
                    messages.get(
                        "sync.export.done",
                        r.file().getFileName().toString(),
                        r.organisation(),
                        r.manifest().rows()))
                .append('\n');
          }
          ok(sb.toString().strip());
          refresh();
        },
        this::fail);
  }

  /** Imports a file; the report is shown, conflicts reloaded. */
  public void importFile(Path file) {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.import"),
        p -> sync.importer().importFile(file, SyncTableNames.labelled(messages, p)),
        r -> {
          busy.set(false);
          report.set(r);
          ok(done(r));
          refresh();
        },
        this::fail);
  }

  public void computeDigest() {
    tasks.submit(
        messages.get("sync.task.digest"),
        p -> SyncDigest.forPhone(sync.digest()),
        digest::set,
        this::fail);
  }

  /** "Vérifier la base": the integrity check, its verdict said in {@link #message()}. */
  public void checkDatabase() {
    busy.set(true);
    tasks.submit(
        messages.get("sync.task.check"),
        p -> {
          var r = sync.checkDatabase(p);
          String backup =
              sync.lastAutomaticBackup()
                  .map(
                      b ->
                          fr.passerelle.core.DateFormats.DAY_TIME
                              .withZone(java.time.ZoneId.systemDefault())
                              .format(b.at()))
                  .orElse(messages.get("sync.check.noBackup"));
          return r.ok()
              ? messages.get(
                  "sync.check.ok",
                  r.tables().size(),
                  r.rows(),
                  String.format(messages.locale(), "%.1f", r.took().toMillis() / 1000.0),
                  backup)
              : "!"
                  + messages.get(
                      "sync.check.damaged",
                      r.problems().size(),
                      String.join(", ", r.damagedTables()),
                      backup);
        },
        text -> {
          busy.set(false);
          error.set(text.startsWith("!"));
          message.set(text.startsWith("!") ? text.substring(1) : text);
        },
        this::fail);
  }

  public void keep(Collection<Conflicts.Conflict> group) {
    resolve(() -> sync.conflicts().keep(ids(group)));
  }

  public void restore(Collection<Conflicts.Conflict> group) {
    resolve(() -> sync.conflicts().restore(ids(group)));
  }

  public void mergeFields(Conflicts.Conflict c, Collection<String> fields) {
    resolve(() -> sync.conflicts().mergeFields(c.id(), fields));
  }

  private void resolve(Runnable action) {
    tasks.submit(
        messages.get("sync.task.resolve"),
        p -> {
          action.run();
          return Boolean.TRUE;
        },
        ok -> {
          ok(messages.get("sync.conflict.resolved"));
          refresh();
        },
        this::fail);
  }

  private static List<UUID> ids(Collection<Conflicts.Conflict> group) {
    return group.stream().map(Conflicts.Conflict::id).toList();
  }

  /**
   * Looks once in the watched folder for {@code .passerelle} files not seen yet and imports them in
   * name order. The view calls this on a timer.
   */
  public void pollWatchedFolder() {
    Path dir = watchedFolder.get();
    if (dir == null || busy.get()) {
      return;
    }
    tasks.submit(
        messages.get("sync.task.watch"),
        p -> {
          List<Path> fresh = new ArrayList<>();
          try (Stream<Path> files = Files.list(dir)) {
            files
                .filter(f -> f.getFileName().toString().endsWith(".passerelle"))
                .sorted()
                .forEach(
                    f -> {
                      String key = f.getFileName() + "@" + f.toFile().lastModified();
                      if (watchedSeen.add(key)) {
                        fresh.add(f);
                      }
                    });
          }
          List<SyncImportReport> reports = new ArrayList<>();
          for (Path f : fresh) {
            try {
              reports.add(sync.importer().importFile(f, SyncTableNames.labelled(messages, p)));
            } catch (RuntimeException e) {
              // not for us (another office's file on the shared drive) or refused: reported
              // in the sync log; keep going with the others
            }
          }
          return reports;
        },
        (List<SyncImportReport> reports) -> {
          reports.stream()
              .filter(r -> r.outcome() == SyncImportReport.Outcome.IMPORTED)
              .reduce((x, y) -> y)
              .ifPresent(
                  r -> {
                    report.set(r);
                    ok(done(r));
                    refresh();
                  });
        },
        this::fail);
  }

  /** What the status line says of an import: done, conflicts, and the rows refused if any. */
  private String done(SyncImportReport r) {
    if (r.outcome() == SyncImportReport.Outcome.ALREADY_IMPORTED) {
      return messages.get("sync.import.already", r.file());
    }
    String text =
        messages.get("sync.import.done", r.file(), r.senderOffice(), r.conflictIds().size());
    return r.quarantined().isEmpty()
        ? text
        : text + " " + messages.get("sync.report.refusedLine", r.quarantined().size());
  }

  private void ok(String text) {
    error.set(false);
    message.set(text);
  }

  private void fail(Throwable t) {
    busy.set(false);
    loading.set(false);
    error.set(true);
    Throwable c = t;
    while (c.getCause() != null
        && (c.getMessage() == null || c.getClass() == RuntimeException.class)
        && !(c instanceof fr.passerelle.core.UserFacingException)) {
      c = c.getCause();
    }
    message.set(messages.describe(c));
  }
}
