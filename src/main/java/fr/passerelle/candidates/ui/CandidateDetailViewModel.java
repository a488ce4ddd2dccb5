package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.CandidateValidationException;
import fr.passerelle.candidates.Duplicate;
import fr.passerelle.candidates.FieldError;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.SaveRetry;
import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.TaskRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The detail form: every field as a property, edited in place; Save writes the candidate, its
 * occupations, criteria and consent in one transaction. {@link #dirty()} says there are unsaved
 * changes, which the view never drops silently. A save refused over a colleague's newer edit is
 * {@link #conflicts()}'s to resolve.
 */
public final class CandidateDetailViewModel {
  private final CandidateService service;
  private final TaskRunner tasks;
  private final Messages msg;

  private final StringProperty lastName = new SimpleStringProperty("");
  private final StringProperty firstName = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
  private final StringProperty email = new SimpleStringProperty("");
  private final StringProperty phone = new SimpleStringProperty("");
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty communeCode = new SimpleStringProperty("");
  private final StringProperty mobilityKm = new SimpleStringProperty("0");
  private final BooleanProperty drivingLicence = new SimpleBooleanProperty();
  private final ObjectProperty<LocalDate> availableFrom = new SimpleObjectProperty<>();
  private final ObjectProperty<CandidateStatus> status =
      new SimpleObjectProperty<>(CandidateStatus.ACTIVE);
  private final StringProperty notes = new SimpleStringProperty("");
  private final ObjectProperty<fr.passerelle.candidates.Civility> civility =
      new SimpleObjectProperty<>();
  private final StringProperty franceTravailId = new SimpleStringProperty("");
  private final ObservableList<CandidateDetail.TargetOccupation> occupations =
      FXCollections.observableArrayList();
  private final CriteriaConsentSection personal;

  private final ObjectProperty<CandidateDetail> loaded = new SimpleObjectProperty<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
  private final StringProperty message = new SimpleStringProperty("");
  private final ObservableList<Duplicate> duplicates = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper sensitiveShown = new ReadOnlyBooleanWrapper();
  private final CandidateConflictFlow conflicts;

  /**
   * The form's fields set from a stored file, by the label key the conflict comparison names them
   * with ({@link CandidateConflict}): a file shown sets them all, "Comparer" those chosen.
   */
  private final Map<String, Consumer<CandidateDetail>> fields =
      Map.ofEntries(
          Map.entry(CandidateConflict.LAST_NAME, d -> lastName.set(nz(d.lastName()))),
          Map.entry(CandidateConflict.FIRST_NAME, d -> firstName.set(nz(d.firstName()))),
          Map.entry(CandidateConflict.BIRTH_DATE, d -> birthDate.set(d.birthDate())),
          Map.entry(CandidateConflict.EMAIL, d -> email.set(nz(d.email()))),
          Map.entry(CandidateConflict.PHONE, d -> phone.set(nz(d.phone()))),
          Map.entry(CandidateConflict.ADDRESS, d -> address.set(nz(d.address()))),
          Map.entry(CandidateConflict.COMMUNE, d -> communeCode.set(nz(d.communeCode()))),
          Map.entry(
              CandidateConflict.MOBILITY,
              d -> mobilityKm.set(d.mobilityKm() == null ? "0" : d.mobilityKm().toString())),
          Map.entry(
              CandidateConflict.LICENCE,
              d -> drivingLicence.set(Boolean.TRUE.equals(d.drivingLicence()))),
          Map.entry(CandidateConflict.AVAILABLE, d -> availableFrom.set(d.availableFrom())),
          Map.entry(
              CandidateConflict.STATUS,
              d -> status.set(d.status() == null ? CandidateStatus.ACTIVE : d.status())),
          Map.entry(CandidateConflict.OCCUPATIONS, d -> occupations.setAll(d.occupations())),
          Map.entry(CandidateConflict.NOTES, d -> notes.set(nz(d.notes()))));

  private boolean loadingFields;

  /** A save that failed on the lost office server, done again once it is back (ADR 0211). */
  private final SaveRetry retry;

  /** A form that does not save again by itself when the office server comes back. */
  public CandidateDetailViewModel(CandidateService service, TaskRunner tasks, Messages msg) {
    this(service, tasks, msg, null);
  }

  /**
   * A form whose save failed on a lost server is done again once {@code server} says it is back.
   */
  public CandidateDetailViewModel(
      CandidateService service, TaskRunner tasks, Messages msg, ServerReturn server) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    this.retry = new SaveRetry(server);
    this.personal = new CriteriaConsentSection(msg);
    this.conflicts =
        new CandidateConflictFlow(
            service,
            msg,
            new CandidateConflictFlow.Form() {
              @Override
              public void show(CandidateDetail stored) {
                CandidateDetailViewModel.this.show(stored);
              }

              @Override
              public void rebase(CandidateDetail theirs, Set<String> theirsFor) {
                CandidateDetailViewModel.this.rebase(theirs, theirsFor);
              }

              @Override
              public void say(String text) {
                message.set(text);
              }
            });
    List<Observable> all =
        new ArrayList<>(
            List.of(
                lastName,
                firstName,
                birthDate,
                email,
                phone,
                address,
                communeCode,
                mobilityKm,
                drivingLicence,
                availableFrom,
                status,
                notes,
                civility,
                franceTravailId,
                occupations));
    all.addAll(personal.editables());
    Runnable mark =
        () -> {
          if (!loadingFields && loaded.get() != null) {
            dirty.set(true);
          }
        };
    for (Observable o : all) {
      // change listeners: an invalidation listener fires once until someone reads the value
      if (o instanceof javafx.beans.value.ObservableValue<?> v) {
        v.addListener((x, a, b) -> mark.run());
      } else {
        o.addListener(x -> mark.run());
      }
    }
  }

  /** Opens a candidate (in the background). */
  public void open(UUID id, Runnable done) {
    retry.cancel();
    busy.set(true);
    tasks.submit(
        msg.get("candidates.task.open"),
        p -> {
          CandidateDetail d = service.find(id).orElseThrow();
          service.markOpened(id);
          return d;
        },
        d -> {
          busy.set(false);
          show(d);
          done.run();
        },
        this::failed);
  }

  /** A blank form for a new candidate. */
  public void newCandidate() {
    show(CandidateDetail.blank());
  }

  /** True when the signed-in account may see (and record) sensitive criteria. */
  public boolean sensitiveAllowed() {
    return service.sensitiveAllowed();
  }

  /** True while the file's sensitive criteria are shown. */
  public ReadOnlyBooleanProperty sensitiveShown() {
    return sensitiveShown.getReadOnlyProperty();
  }

  /**
   * Shows the file's sensitive criteria: asked of the service (audited, refused without the
   * permission); a new file has none to show.
   */
  public void showSensitive() {
    CandidateDetail d = loaded.get();
    if (d == null || d.isNew()) {
      sensitiveShown.set(sensitiveAllowed());
      return;
    }
    tasks.submit(
        msg.get("candidates.task.sensitive"),
        p -> service.showSensitive(d.id()),
        crit -> {
          boolean was = loadingFields;
          loadingFields = true;
          try {
            personal.loadSensitive(crit);
          } finally {
            loadingFields = was;
          }
          sensitiveShown.set(true);
        },
        e -> {
          sensitiveShown.set(false);
          message.set(msg.describe(e));
        });
  }

  /** Masks the sensitive criteria again. */
  public void hideSensitive() {
    sensitiveShown.set(false);
  }

  /** Drops the unsaved changes. */
  public void cancel() {
    if (loaded.get() != null) {
      show(loaded.get());
    }
  }

  /** Closes the form (the view asks first when dirty). */
  public void close() {
    retry.cancel();
    loaded.set(null);
    dirty.set(false);
    fieldErrors.clear();
    duplicates.clear();
  }

  private void show(CandidateDetail d) {
    retry.cancel();
    loadingFields = true;
    try {
      for (Consumer<CandidateDetail> field : fields.values()) {
        field.accept(d);
      }
      civility.set(d.civility());
      franceTravailId.set(nz(d.franceTravailId()));
      personal.load(d);
      fieldErrors.clear();
      duplicates.clear();
      message.set("");
      loaded.set(d);
      dirty.set(d.isNew());
      sensitiveShown.set(d.isNew() && sensitiveAllowed());
    } finally {
      loadingFields = false;
    }
  }

  /** The form as a detail to save; null radius text counts as an error. */
  CandidateDetail toDetail() {
    CandidateDetail base = loaded.get() == null ? CandidateDetail.blank() : loaded.get();
    Integer km;
    try {
      km = mobilityKm.get().isBlank() ? 0 : Integer.valueOf(mobilityKm.get().trim());
    } catch (NumberFormatException e) {
      km = Integer.MIN_VALUE;
    }
    return new CandidateDetail(
        base.id(),
        base.officeId(),
        lastName.get(),
        firstName.get(),
        birthDate.get(),
        email.get(),
        phone.get(),
        address.get(),
        communeCode.get().isBlank() ? null : communeCode.get().trim(),
        null,
        km,
        drivingLicence.get(),
        availableFrom.get(),
        status.get(),
        base.registeredOn(),
        notes.get(),
        List.copyOf(occupations),
        personal.toCriteria(service.today()),
        personal.toConsent(base.consent()),
        civility.get(),
        franceTravailId.get().isBlank() ? null : franceTravailId.get().trim(),
        base.version());
  }

  /** True when saving now would withdraw a consent given before (the view confirms first). */
  public boolean withdrawsConsent() {
    return personal.withdraws(loaded.get());
  }

  /**
   * Saves. A new candidate is first checked for duplicates: if any, {@link #duplicates()} is filled
   * and nothing is saved until {@code ignoreDuplicates} is true.
   */
  public void save(boolean ignoreDuplicates, Consumer<CandidateDetail> saved) {
    save(ignoreDuplicates, saved, d -> {});
  }

  /** Saves; {@code onDuplicates} is called (nothing saved) when possible duplicates are found. */
  public void save(
      boolean ignoreDuplicates,
      Consumer<CandidateDetail> saved,
      Consumer<List<Duplicate>> onDuplicates) {
    retry.cancel();
    CandidateDetail d = toDetail();
    fieldErrors.clear();
    message.set("");
    if (d.mobilityKm() != null && d.mobilityKm() == Integer.MIN_VALUE) {
      fieldErrors.put("mobility_km", msg.get("candidates.field.error.BAD_VALUE"));
      return;
    }
    busy.set(true);
    tasks.submit(
        msg.get("candidates.task.save"),
        p -> {
          List<FieldError> errors = service.validate(d);
          if (!errors.isEmpty()) {
            throw new CandidateValidationException(errors);
          }
          if (d.isNew() && !ignoreDuplicates) {
            List<Duplicate> dups = service.duplicates(d);
            if (!dups.isEmpty()) {
              return new SaveOutcome(null, dups, null);
            }
          }
          try {
            return new SaveOutcome(service.save(d, null), List.of(), null);
          } catch (EditConflictException e) {
            // a colleague saved the file meanwhile: nothing written, the form keeps what was typed
            return new SaveOutcome(null, List.of(), conflicts.read(e, d));
          }
        },
        outcome -> {
          busy.set(false);
          if (outcome.conflict() != null) {
            conflicts.refused(outcome.conflict());
            return;
          }
          if (outcome.saved() == null) {
            duplicates.setAll(outcome.duplicates());
            message.set(msg.get("candidates.duplicates.found", outcome.duplicates().size()));
            onDuplicates.accept(outcome.duplicates());
            return;
          }
          show(outcome.saved());
          message.set(msg.get("candidates.saved"));
          saved.accept(outcome.saved());
        },
        e -> {
          if (retry.after(e, () -> save(ignoreDuplicates, saved, onDuplicates))) {
            busy.set(false);
            message.set(SaveRetry.waitingText(msg));
          } else {
            failed(e);
          }
        });
  }

  /** True while a save that failed on the lost office server waits for it to come back. */
  public boolean saveWaitsForServer() {
    return retry.pending();
  }

  /** Merges {@code drop} into {@code keep}; the merged record is then shown. */
  public void merge(UUID keep, UUID drop, Consumer<CandidateDetail> merged) {
    busy.set(true);
    tasks.submit(
        msg.get("candidates.task.merge"),
        p -> service.merge(keep, drop),
        d -> {
          busy.set(false);
          show(d);
          message.set(msg.get("candidates.merged"));
          merged.accept(d);
        },
        this::failed);
  }

  private record SaveOutcome(
      CandidateDetail saved, List<Duplicate> duplicates, CandidateConflict conflict) {}

  /** A save refused over a colleague's newer edit and the counselor's choices (ADR 0177). */
  public CandidateConflictFlow conflicts() {
    return conflicts;
  }

  /** The form edits {@code theirs}, the fields in {@code theirsFor} taking its values. */
  private void rebase(CandidateDetail theirs, Set<String> theirsFor) {
    loadingFields = true;
    try {
      loaded.set(theirs);
      for (String key : theirsFor) {
        take(key, theirs);
      }
    } finally {
      loadingFields = false;
    }
    dirty.set(true);
  }

  private void take(String key, CandidateDetail t) {
    Consumer<CandidateDetail> field = fields.get(key);
    if (field != null) {
      field.accept(t);
    } else {
      personal.take(key, t);
    }
  }

  private void failed(Throwable e) {
    busy.set(false);
    if (e instanceof CandidateValidationException v) {
      for (FieldError fe : v.errors()) {
        fieldErrors.merge(
            fe.field(), msg.get("candidates.field.error." + fe.code().name()), (a, b) -> a);
      }
      message.set(msg.get("candidates.invalid", fieldErrors.size()));
    } else {
      message.set(msg.get("candidates.error.save", msg.describe(e)));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public StringProperty lastName() {
    return lastName;
  }

  public StringProperty firstName() {
    return firstName;
  }

  public ObjectProperty<LocalDate> birthDate() {
    return birthDate;
  }

  public StringProperty email() {
    return email;
  }

  public StringProperty phone() {
    return phone;
  }

  public StringProperty address() {
    return address;
  }

  public StringProperty communeCode() {
    return communeCode;
  }

  public StringProperty mobilityKm() {
    return mobilityKm;
  }

  public BooleanProperty drivingLicence() {
    return drivingLicence;
  }

  public ObjectProperty<LocalDate> availableFrom() {
    return availableFrom;
  }

  public ObjectProperty<CandidateStatus> status() {
    return status;
  }

  public ObjectProperty<fr.passerelle.candidates.Civility> civility() {
    return civility;
  }

  public StringProperty franceTravailId() {
    return franceTravailId;
  }

  /**
   * The age and its band under the birth date ("34 ans · de 26 à 49 ans"), counted today; ""
   * without a birth date.
   */
  public String ageText(LocalDate birth) {
    LocalDate today = service.today();
    Integer age = fr.passerelle.candidates.AgeBand.age(birth, today);
    if (age == null) {
      return "";
    }
    return msg.get("candidates.age.years", age)
        + " · "
        + msg.get("candidates.ageBand." + fr.passerelle.candidates.AgeBand.of(birth, today).name());
  }

  public StringProperty notes() {
    return notes;
  }

  public ObservableList<CandidateDetail.TargetOccupation> occupations() {
    return occupations;
  }

  public List<CriterionRow> criteria() {
    return personal.criteria();
  }

  public BooleanProperty consentShare() {
    return personal.consentShare();
  }

  public BooleanProperty consentSensitive() {
    return personal.consentSensitive();
  }

  public StringProperty consentInfo() {
    return personal.consentInfo();
  }

  public ObjectProperty<CandidateDetail> loaded() {
    return loaded;
  }

  public ReadOnlyBooleanProperty dirty() {
    return dirty.getReadOnlyProperty();
  }

  public BooleanProperty busy() {
    return busy;
  }

  public ObservableMap<String, String> fieldErrors() {
    return fieldErrors;
  }

  public StringProperty message() {
    return message;
  }

  public ObservableList<Duplicate> duplicates() {
    return duplicates;
  }
}
