package fr.passerelle.ui.shell;

import fr.passerelle.core.DateFormats;
import fr.passerelle.office.InstallationStatus;
import fr.passerelle.office.Office;
import fr.passerelle.ui.Languages;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's state: which navigation entry is shown, and what the status bar says (office,
 * database location, last sync). Changing the language saves the setting, then asks the caller to
 * rebuild the shell.
 */
public final class ShellViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

  private final UiContext ctx;
  private final List<String> featureIds;
  private final ZoneId zone;
  private final IntegerProperty selected = new SimpleIntegerProperty(0);
  private final ReadOnlyStringWrapper office = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public ShellViewModel(UiContext ctx, List<String> featureIds, ZoneId zone) {
    this.ctx = ctx;
    this.featureIds = List.copyOf(featureIds);
    this.zone = zone;
  }

  /** Index of the navigation entry shown. */
  public IntegerProperty selectedProperty() {
    return selected;
  }

  /** Shows entry {@code index} (0-based); ignored when out of range. */
  public void select(int index) {
    if (index >= 0 && index < featureIds.size()) {
      selected.set(index);
    }
  }

  /** Shows the entry with this id; false if there is none. */
  public boolean select(String featureId) {
    int i = featureIds.indexOf(featureId);
    select(i);
    return i >= 0;
  }

  public String selectedId() {
    return featureIds.get(selected.get());
  }

  public ReadOnlyStringProperty officeProperty() {
    return office.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty databaseProperty() {
    return database.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty lastSyncProperty() {
    return lastSync.getReadOnlyProperty();
  }

  /** The last failure to show, empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public Locale language() {
    return ctx.messages().locale();
  }

  /** Reloads the status bar's facts in the background. */
  public void refreshStatus() {
    Messages m = ctx.messages();
    ctx.tasks()
        .submit(
            m.get("status.task"),
            p -> InstallationStatus.load(ctx.services().db(), ctx.services().offices()),
            this::apply,
            this::fail);
  }

  private void apply(InstallationStatus s) {
    Messages m = ctx.messages();
    office.set(s.office().map(Office::name).orElse(m.get("status.noOffice")));
    database.set(s.database());
    lastSync.set(s.lastSync().map(this::describe).orElse(m.get("status.never")));
  }

  /** "aujourd'hui à 14:30", "hier à 09:05", "il y a 3 j" (then the date after a month). */
  String describe(OffsetDateTime at) {
    Messages m = ctx.messages();
    Instant now = Instant.ofEpochMilli(ctx.services().clock().millis());
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
    long days = ChronoUnit.DAYS.between(day, today);
    String time = DateFormats.TIME.format(at.atZoneSameInstant(zone));
    if (days <= 0) {
      return m.get("status.today", time);
    }
    if (days == 1) {
      return m.get("status.yesterday", time);
    }
    if (days <= 31) {
      return m.get("status.daysAgo", days);
    }
    return DateFormats.date(m.locale()).format(day);
  }

  /**
   * Saves {@code locale} as the UI language, then calls {@code onSaved} (which rebuilds the shell).
   * Nothing happens if it is already the language.
   */
  public void changeLanguage(Locale locale, Consumer<Locale> onSaved) {
    if (locale.equals(language())) {
      return;
    }
    ctx.tasks()
        .submit(
            ctx.messages().get("settings.task"),
            p -> {
              Languages.save(ctx.services().settings(), locale);
              return locale;
            },
            onSaved,
            this::fail);
  }

  private void fail(Throwable e) {
    LOG.error("shell task failed", e);
    error.set(ctx.messages().describeOrUnexpected(e));
  }
}
