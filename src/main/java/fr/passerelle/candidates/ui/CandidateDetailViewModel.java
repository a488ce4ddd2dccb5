package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.CandidateValidationException;
import fr.passerelle.candidates.Duplicate;
import fr.passerelle.candidates.FieldError;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
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
 * changes, which the view never drops silently.
 */
public final class CandidateDetailViewModel implements fr.passerelle.ui.ConflictChoices {
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
  private final ObjectProperty<CandidateConflict> conflict = new SimpleObjectProperty<>();
  private boolean loadingFields;

  public CandidateDetailViewModel(CandidateService service, TaskRunner tasks, Messages msg) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    this.personal = new CriteriaConsentSection(msg);
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
    loaded.set(null);
    dirty.set(false);
    fieldErrors.clear();
    duplicates.clear();
  }

  private void show(CandidateDetail d) {
    loadingFields = true;
    try {
      lastName.set(nz(d.lastName()));
      firstName.set(nz(d.firstName()));
      birthDate.set(d.birthDate());
      email.set(nz(d.email()));
      phone.set(nz(d.phone()));
      address.set(nz(d.address()));
      communeCode.set(nz(d.communeCode()));
      mobilityKm.set(d.mobilityKm() == null ? "0" : d.mobilityKm().toString());
      drivingLicence.set(Boolean.TRUE.equals(d.drivingLicence()));
      availableFrom.set(d.availableFrom());
      status.set(d.status() == null ? CandidateStatus.ACTIVE : d.status());
      notes.set(nz(d.notes()));
      civility.set(d.civility());
      franceTravailId.set(nz(d.franceTravailId()));
      occupations.setAll(d.occupations());
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
            CandidateDetail theirs = service.find(d.id()).orElseThrow(() -> e);
            return new SaveOutcome(
                null, List.of(), new CandidateConflict(msg.describe(e), d, theirs));
          }
        },
        outcome -> {
          busy.set(false);
          if (outcome.conflict() != null) {
            message.set(outcome.conflict().text());
            conflict.set(outcome.conflict());
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
        this::failed);
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

  /**
   * The save refused over a colleague's newer edit, until the counselor chooses {@link
   * #reloadTheirs}, {@link #saveOnTheirs} or {@link #keepEditing}; null otherwise.
   */
  public ReadOnlyObjectProperty<CandidateConflict> conflict() {
    return conflict;
  }

  /** "Recharger": drops what was typed and shows the file as the colleague saved it. */
  @Override
  public void reloadTheirs() {
    CandidateConflict c = conflict.get();
    if (c != null) {
      conflict.set(null);
      show(c.theirs());
      message.set(msg.get("candidates.conflict.reloaded"));
    }
  }

  /**
   * After "Comparer": the form now edits the colleague's version, keeping what was typed except the
   * fields in {@code theirsFor} (label keys of {@link CandidateConflict}), which take the
   * colleague's values; nothing is saved until the counselor saves again.
   */
  @Override
  public void saveOnTheirs(Set<String> theirsFor) {
    CandidateConflict c = conflict.get();
    if (c == null) {
      return;
    }
    conflict.set(null);
    CandidateDetail t = c.theirs();
    loadingFields = true;
    try {
      loaded.set(t);
      for (String key : theirsFor) {
        take(key, t);
      }
    } finally {
      loadingFields = false;
    }
    dirty.set(true);
    message.set(msg.get("candidates.conflict.rebased"));
  }

  /** "Annuler": the form keeps what was typed (a new save is refused again until reloaded). */
  @Override
  public void keepEditing() {
    conflict.set(null);
  }

  private void take(String key, CandidateDetail t) {
    switch (key) {
      case CandidateConflict.LAST_NAME -> lastName.set(nz(t.lastName()));
      case CandidateConflict.FIRST_NAME -> firstName.set(nz(t.firstName()));
      case CandidateConflict.BIRTH_DATE -> birthDate.set(t.birthDate());
      case CandidateConflict.EMAIL -> email.set(nz(t.email()));
      case CandidateConflict.PHONE -> phone.set(nz(t.phone()));
      case CandidateConflict.ADDRESS -> address.set(nz(t.address()));
      case CandidateConflict.COMMUNE -> communeCode.set(nz(t.communeCode()));
      case CandidateConflict.MOBILITY ->
          mobilityKm.set(t.mobilityKm() == null ? "0" : t.mobilityKm().toString());
      case CandidateConflict.LICENCE -> drivingLicence.set(Boolean.TRUE.equals(t.drivingLicence()));
      case CandidateConflict.AVAILABLE -> availableFrom.set(t.availableFrom());
      case CandidateConflict.STATUS ->
          status.set(t.status() == null ? CandidateStatus.ACTIVE : t.status());
      case CandidateConflict.OCCUPATIONS -> occupations.setAll(t.occupations());
      case CandidateConflict.NOTES -> notes.set(nz(t.notes()));
      default -> personal.take(key, t);
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
