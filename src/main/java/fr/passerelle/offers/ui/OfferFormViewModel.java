package fr.passerelle.offers.ui;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.db.RowVersion;
import fr.passerelle.offers.Contract;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferDraft;
import fr.passerelle.offers.OfferFieldError;
import fr.passerelle.offers.OfferService;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.ui.ConflictChoices;
import fr.passerelle.ui.FormConflict;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.SaveRetry;
import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.TaskRunner;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The create/edit form of an offer and its override. Local checks run as the counselor types (the
 * Save button says why it is disabled); the service validates again (reference codes) on save.
 */
public final class OfferFormViewModel implements ConflictChoices {
  /** The fields the comparison of a refused save shows (ADR 0181), by their label keys. */
  static final List<FormConflict.Field<Offer>> FIELDS =
      List.of(
          new FormConflict.Field<>("offers.form.employer", Offer::employerName),
          new FormConflict.Field<>("offers.form.title", Offer::title),
          new FormConflict.Field<>("offers.form.rome", Offer::romeCode),
          new FormConflict.Field<>("offers.form.commune", Offer::communeCode),
          new FormConflict.Field<>("offers.form.contract", Offer::contract, "offers.contract."),
          new FormConflict.Field<>("offers.form.positions", Offer::positions),
          new FormConflict.Field<>("offers.form.openedOn", Offer::openedOn),
          new FormConflict.Field<>("offers.form.closedOn", Offer::closedOn),
          new FormConflict.Field<>("offers.form.source", Offer::source, "offers.source."),
          new FormConflict.Field<>("offers.form.description", Offer::description),
          new FormConflict.Field<>("offers.form.override", Offer::hardToFillOverride),
          new FormConflict.Field<>("offers.form.overrideReason", Offer::overrideReason));

  private final OfferService service;
  private final TaskRunner tasks;
  private final Messages msg;
  private final SaveRetry retry;

  private UUID id;
  private Offer loaded;
  final StringProperty employer = new SimpleStringProperty("");
  final StringProperty title = new SimpleStringProperty("");
  final StringProperty romeCode = new SimpleStringProperty("");
  final StringProperty communeCode = new SimpleStringProperty("");
  final ObjectProperty<Contract> contract = new SimpleObjectProperty<>(Contract.CDI);
  final StringProperty positions = new SimpleStringProperty("1");
  final ObjectProperty<LocalDate> openedOn = new SimpleObjectProperty<>();
  final ObjectProperty<LocalDate> closedOn = new SimpleObjectProperty<>();
  final ObjectProperty<OfferSource> source = new SimpleObjectProperty<>(OfferSource.FRANCE_TRAVAIL);
  final StringProperty description = new SimpleStringProperty("");
  final ObjectProperty<Boolean> override = new SimpleObjectProperty<>();
  final StringProperty overrideReason = new SimpleStringProperty("");
  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
  private final StringProperty saveBlocked = new SimpleStringProperty("");
  private final BooleanProperty dirty = new SimpleBooleanProperty(false);
  private final StringProperty status = new SimpleStringProperty("");
  private final ObjectProperty<FormConflict<Offer>> conflict = new SimpleObjectProperty<>();

  /** A form that does not save again by itself when the office server comes back. */
  public OfferFormViewModel(OfferService service, TaskRunner tasks, Messages msg) {
    this(service, tasks, msg, null);
  }

  /**
   * A form whose save failed on a lost server is done again once {@code server} says it is back.
   */
  public OfferFormViewModel(
      OfferService service, TaskRunner tasks, Messages msg, ServerReturn server) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    this.retry = new SaveRetry(server);
    openedOn.set(service.today());
    for (var p :
        List.of(employer, title, romeCode, communeCode, positions, description, overrideReason)) {
      p.addListener((o, a, b) -> changed());
    }
    for (var p : List.of(contract, openedOn, closedOn, source, override)) {
      p.addListener((o, a, b) -> changed());
    }
    checkLocally();
  }

  /** Starts a new offer (empty form). */
  public void startNew() {
    id = null;
    fill(null);
  }

  /** Edits an existing offer. */
  public void edit(Offer o) {
    id = o.id();
    fill(o);
  }

  /**
   * The offer edited, read again (the list refreshed after its save, a colleague's save heard): its
   * fields as stored, the status line kept — "Offre enregistrée" stays said after the list's
   * refresh.
   */
  public void reread(Offer o) {
    String said = status.get();
    edit(o);
    status.set(said);
  }

  /** Drops the unsaved edits: the form shows the offer as saved (or empty for a new one). */
  public void discard() {
    conflict.set(null);
    fill(loaded);
  }

  /** The title of the offer edited, as saved ("" for a new offer). */
  /** The id of the offer the form holds (null: a new offer or none). */
  public java.util.UUID loadedId() {
    return loaded == null ? null : loaded.id();
  }

  public String loadedTitle() {
    return loaded == null ? "" : nz(loaded.title());
  }

  private void fill(Offer o) {
    retry.cancel();
    loaded = o;
    employer.set(o == null ? "" : nz(o.employerName()));
    title.set(o == null ? "" : nz(o.title()));
    romeCode.set(o == null ? "" : nz(o.romeCode()));
    communeCode.set(o == null ? "" : nz(o.communeCode()));
    contract.set(o == null ? Contract.CDI : o.contract());
    positions.set(o == null ? "1" : String.valueOf(o.positions()));
    openedOn.set(o == null ? service.today() : o.openedOn());
    closedOn.set(o == null ? null : o.closedOn());
    source.set(o == null ? OfferSource.FRANCE_TRAVAIL : o.source());
    description.set(o == null ? "" : nz(o.description()));
    override.set(o == null ? null : o.hardToFillOverride());
    overrideReason.set(o == null ? "" : nz(o.overrideReason()));
    dirty.set(false);
    status.set("");
    checkLocally();
  }

  private void changed() {
    dirty.set(true);
    checkLocally();
  }

  /** Field checks that need no database; fills {@link #errors()} with UI text. */
  void checkLocally() {
    errors.clear();
    require("employer", employer.get());
    require("title", title.get());
    if (!nz(romeCode.get()).trim().matches("[A-N]\\d{4}")) {
      errors.put("romeCode", msg.get("offers.error.romeFormat"));
    }
    if (!nz(communeCode.get()).trim().matches("\\d[0-9AB]\\d{3}")) {
      errors.put("commune", msg.get("offers.error.communeFormat"));
    }
    Integer n = positionsValue();
    if (n == null || n < 1 || n > 999) {
      errors.put("positions", msg.get("offers.error.positionsRange"));
    }
    if (openedOn.get() == null) {
      errors.put("openedOn", msg.get("offers.error.openedRequired"));
    } else if (closedOn.get() != null && closedOn.get().isBefore(openedOn.get())) {
      errors.put("closedOn", msg.get("offers.error.closedBeforeOpened"));
    }
    if (override.get() != null && nz(overrideReason.get()).isBlank()) {
      errors.put("overrideReason", msg.get("offers.error.overrideReason"));
    }
    for (OfferFieldError e :
        OfferService.textProblems(
            employer.get(), title.get(), description.get(), overrideReason.get())) {
      errors.put(e.field(), text(e));
    }
    saveBlocked.set(
        errors.isEmpty()
            ? ""
            : msg.get("offers.form.blocked", errors.size(), String.join(" · ", errors.values())));
  }

  private void require(String field, String value) {
    if (value == null || value.isBlank()) {
      errors.put(field, msg.get("offers.error." + field + "Required"));
    }
  }

  private Integer positionsValue() {
    try {
      return Integer.valueOf(nz(positions.get()).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Saves the offer and its override in the background; {@code onSaved} gets the saved offer. */
  public void save(Consumer<Offer> onSaved) {
    retry.cancel();
    checkLocally();
    if (!errors.isEmpty()) {
      return;
    }
    OfferDraft d =
        new OfferDraft(
            id,
            employer.get(),
            title.get(),
            romeCode.get().trim(),
            communeCode.get().trim(),
            contract.get(),
            positionsValue(),
            openedOn.get(),
            closedOn.get(),
            source.get(),
            description.get());
    Boolean ov = override.get();
    String why = overrideReason.get();
    RowVersion version = loaded == null ? null : loaded.version();
    tasks.submit(
        msg.get("offers.task.save"),
        p -> {
          List<OfferFieldError> problems = service.validate(d);
          if (!problems.isEmpty()) {
            return problems;
          }
          try {
            Offer saved = service.save(d, version);
            if (!java.util.Objects.equals(ov, saved.hardToFillOverride())
                || (ov != null && !why.trim().equals(nz(saved.overrideReason())))) {
              service.setOverride(saved.id(), saved.version(), ov, why);
            }
            return service.find(saved.id()).orElseThrow();
          } catch (EditConflictException e) {
            // a colleague saved the offer meanwhile: nothing written, the form keeps what was typed
            Offer theirs = service.find(d.id()).orElseThrow(() -> e);
            return new FormConflict<>(msg.describe(e), mine(d, ov, why), theirs);
          }
        },
        result -> {
          if (result instanceof FormConflict<?> c) {
            @SuppressWarnings("unchecked")
            FormConflict<Offer> refused = (FormConflict<Offer>) c;
            status.set(refused.text());
            conflict.set(refused);
          } else if (result instanceof Offer saved) {
            edit(saved);
            status.set(msg.get("offers.form.saved"));
            onSaved.accept(saved);
          } else {
            errors.clear();
            for (Object o : (List<?>) result) {
              OfferFieldError e = (OfferFieldError) o;
              errors.put(e.field(), text(e));
            }
            saveBlocked.set(String.join(" · ", errors.values()));
          }
        },
        t ->
            status.set(
                retry.after(t, () -> save(onSaved))
                    ? SaveRetry.waitingText(msg)
                    : msg.describe(t)));
  }

  /** True while a save that failed on the lost office server waits for it to come back. */
  public boolean saveWaitsForServer() {
    return retry.pending();
  }

  /** What the form holds, as an offer, to compare with the colleague's (ADR 0181). */
  private static Offer mine(OfferDraft d, Boolean ov, String why) {
    return new Offer(
        d.id(),
        null,
        d.employerName(),
        d.title(),
        d.romeCode(),
        null,
        d.communeCode(),
        null,
        d.contract(),
        d.positions() == null ? 0 : d.positions(),
        d.openedOn(),
        d.closedOn(),
        d.source(),
        ov,
        ov == null ? null : why,
        d.description() == null || d.description().isBlank() ? null : d.description(),
        null);
  }

  /**
   * The save refused over a colleague's newer edit, until the counselor chooses {@link
   * #reloadTheirs}, {@link #saveOnTheirs} or {@link #keepEditing}; null otherwise.
   */
  public ReadOnlyObjectProperty<FormConflict<Offer>> conflict() {
    return conflict;
  }

  /** The fields that differ between the form and the colleague's version. */
  public List<FormConflict.Difference> differences(FormConflict<Offer> c) {
    return c.differences(FIELDS, msg);
  }

  @Override
  public void reloadTheirs() {
    FormConflict<Offer> c = conflict.get();
    if (c != null) {
      conflict.set(null);
      edit(c.theirs());
      status.set(msg.get("offers.conflict.reloaded"));
    }
  }

  @Override
  public void saveOnTheirs(java.util.Set<String> theirsFor) {
    FormConflict<Offer> c = conflict.get();
    if (c == null) {
      return;
    }
    conflict.set(null);
    Offer t = c.theirs();
    loaded = t;
    for (String key : theirsFor) {
      switch (key) {
        case "offers.form.employer" -> employer.set(nz(t.employerName()));
        case "offers.form.title" -> title.set(nz(t.title()));
        case "offers.form.rome" -> romeCode.set(nz(t.romeCode()));
        case "offers.form.commune" -> communeCode.set(nz(t.communeCode()));
        case "offers.form.contract" -> contract.set(t.contract());
        case "offers.form.positions" -> positions.set(String.valueOf(t.positions()));
        case "offers.form.openedOn" -> openedOn.set(t.openedOn());
        case "offers.form.closedOn" -> closedOn.set(t.closedOn());
        case "offers.form.source" -> source.set(t.source());
        case "offers.form.description" -> description.set(nz(t.description()));
        case "offers.form.override" -> override.set(t.hardToFillOverride());
        case "offers.form.overrideReason" -> overrideReason.set(nz(t.overrideReason()));
        default -> {}
      }
    }
    dirty.set(true);
    status.set(msg.get("offers.conflict.rebased"));
  }

  @Override
  public void keepEditing() {
    conflict.set(null);
  }

  private String text(OfferFieldError e) {
    return msg.get("offers.error." + e.code(), e.args().toArray());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public boolean isNew() {
    return id == null;
  }

  public ObservableMap<String, String> errors() {
    return errors;
  }

  public StringProperty saveBlocked() {
    return saveBlocked;
  }

  public BooleanProperty dirty() {
    return dirty;
  }

  public StringProperty status() {
    return status;
  }
}
