package fr.passerelle.audit.ui;

import fr.passerelle.audit.AuditEntry;
import fr.passerelle.audit.AuditFilter;
import fr.passerelle.audit.AuditService;
import fr.passerelle.audit.Verification;
import fr.passerelle.security.AuditAction;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The administrator's audit trail: filters (person, counselor, period, action), the entries newest
 * first, the chain check and the export.
 */
public final class AuditViewModel {
  public static final int LIMIT = 2000;
  private final AuditService service;
  private final TaskRunner tasks;
  private final Messages msg;
  private final StringProperty person = new SimpleStringProperty("");
  private final StringProperty counselor = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
  private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty verification = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");

  public AuditViewModel(AuditService service, TaskRunner tasks, Messages msg) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    from.set(service.today().minusDays(30));
  }

  AuditFilter filter() {
    return new AuditFilter(
        person.get(),
        counselor.get(),
        from.get(),
        to.get(),
        action.get() == null ? null : action.get().name());
  }

  /** Lists the entries matching the filters. */
  public void search() {
    AuditFilter f = filter();
    error.set("");
    tasks.submit(
        msg.get("audit.task.load"),
        p -> service.list(f, LIMIT),
        l -> {
          entries.setAll(l);
          status.set(
              l.size() >= LIMIT
                  ? msg.get("audit.count.more", LIMIT)
                  : msg.get("audit.count", l.size()));
        },
        e -> error.set(msg.describe(e)));
  }

  /** Checks the chain; says the first broken entry. */
  public void verify() {
    verification.set("");
    tasks.submit(
        msg.get("audit.task.verify"),
        p -> service.verify(),
        v -> {
          verification.set(describe(v));
          search();
        },
        e -> error.set(msg.describe(e)));
  }

  String describe(Verification v) {
    if (v.intact()) {
      return msg.get("audit.verify.intact", v.entries(), v.chains());
    }
    Verification.Broken b = v.broken().get();
    return msg.get(
        "audit.verify.broken",
        b.seq(),
        b.origin().toString(),
        b.at() == null ? "" : java.util.Date.from(b.at().toInstant()),
        b.action() == null ? "" : b.action(),
        msg.get("audit.problem." + b.problem().name(), b.seq() - 1));
  }

  /** Writes the filtered entries to {@code file} (.csv or .xlsx). */
  public void export(Path file) {
    AuditFilter f = filter();
    tasks.submit(
        msg.get("audit.task.export"),
        p -> service.export(file, f, p),
        n -> {
          status.set(msg.get("audit.exported", n, file.toString()));
          search();
        },
        e -> error.set(msg.describe(e)));
  }

  public StringProperty person() {
    return person;
  }

  public StringProperty counselor() {
    return counselor;
  }

  public ObjectProperty<LocalDate> from() {
    return from;
  }

  public ObjectProperty<LocalDate> to() {
    return to;
  }

  public ObjectProperty<AuditAction> action() {
    return action;
  }

  public ObservableList<AuditEntry> entries() {
    return entries;
  }

  public StringProperty status() {
    return status;
  }

  public StringProperty verification() {
    return verification;
  }

  public StringProperty error() {
    return error;
  }
}
