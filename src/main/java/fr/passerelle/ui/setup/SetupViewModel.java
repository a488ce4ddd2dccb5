package fr.passerelle.ui.setup;

import fr.passerelle.app.Services;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: the office's name, kind and organisation (prefilled by the default rule until the
 * counselor edits it), and whether to explore with demo data. Saving creates the office; the demo
 * data is then generated in the background.
 */
public final class SetupViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(SetupViewModel.class);
  static final int MAX_LENGTH = 255;

  /** Generates the demo data (a stand-in in tests). */
  @FunctionalInterface
  public interface DemoGenerator {
    DemoService.Report generate(Services services, Progress progress);

    DemoGenerator DEFAULT =
        (services, progress) ->
            new DemoService(services)
                .generate(
                    new DemoService.Options(
                        DemoService.Options.DEFAULT_CANDIDATES, DemoService.Options.DEFAULT_SEED),
                    progress);
  }

  private final UiContext ctx;
  private final DemoGenerator demoGenerator;
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<OfficeKind> kind =
      new SimpleObjectProperty<>(OfficeKind.FRANCE_TRAVAIL);
  private final StringProperty organisation = new SimpleStringProperty("");
  private final BooleanProperty demo = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final StringBinding nameError;
  private final StringBinding organisationError;
  private final BooleanBinding valid;
  private boolean organisationEdited;
  private boolean prefilling;

  public SetupViewModel(UiContext ctx, DemoGenerator demoGenerator) {
    this.ctx = ctx;
    this.demoGenerator = demoGenerator;
    Messages m = ctx.messages();
    nameError = Bindings.createStringBinding(() -> check(name.get(), m), name);
    organisationError =
        Bindings.createStringBinding(() -> check(organisation.get(), m), organisation);
    valid =
        nameError.isEmpty().and(organisationError.isEmpty()).and(kind.isNotNull()).and(busy.not());
    name.addListener((o, a, b) -> prefill());
    kind.addListener((o, a, b) -> prefill());
    organisation.addListener(
        (o, a, b) -> {
          if (!prefilling) {
            organisationEdited = true;
          }
        });
    prefill();
  }

  private static String check(String value, Messages m) {
    if (value == null || value.isBlank()) {
      return m.get("setup.required");
    }
    if (value.trim().length() > MAX_LENGTH) {
      return m.get("setup.tooLong", MAX_LENGTH);
    }
    return "";
  }

  private void prefill() {
    if (organisationEdited || kind.get() == null) {
      return;
    }
    prefilling = true;
    try {
      organisation.set(
          Office.defaultOrganisation(name.get() == null ? "" : name.get(), kind.get()));
    } finally {
      prefilling = false;
    }
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<OfficeKind> kindProperty() {
    return kind;
  }

  public StringProperty organisationProperty() {
    return organisation;
  }

  public BooleanProperty demoProperty() {
    return demo;
  }

  /** Why the name is refused, empty when it is fine. */
  public StringBinding nameErrorProperty() {
    return nameError;
  }

  public StringBinding organisationErrorProperty() {
    return organisationError;
  }

  /** True when the form can be saved. */
  public BooleanBinding validProperty() {
    return valid;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Why saving failed, empty otherwise. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Creates the office (one transaction) and calls {@code onSaved} with it. */
  public void save(Consumer<Office> onSaved) {
    if (!valid.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    String n = name.get().trim();
    OfficeKind k = kind.get();
    String org = organisation.get().trim();
    ctx.tasks()
        .submit(
            ctx.messages().get("setup.task"),
            p -> ctx.services().offices().init(n, k, org),
            office -> {
              busy.set(false);
              onSaved.accept(office);
            },
            e -> {
              busy.set(false);
              error.set(
                  e instanceof UserFacingException
                      ? e.getMessage()
                      : ctx.messages().get("error.unexpected", String.valueOf(e.getMessage())));
              if (!(e instanceof UserFacingException)) {
                LOG.error("setup failed", e);
              }
            });
  }

  /**
   * Generates the demo data in the background (progress and cancel in the status bar), then tells
   * {@code notify} what happened, in words; {@code onChanged} runs when data was added.
   */
  public void startDemo(Consumer<String> notify, Runnable onChanged) {
    Messages m = ctx.messages();
    ctx.tasks()
        .submit(
            m.get("demo.task"),
            p -> demoGenerator.generate(ctx.services(), p),
            report -> {
              int total = report.rows().values().stream().mapToInt(Integer::intValue).sum();
              notify.accept(m.get("demo.done", total));
              onChanged.run();
            },
            e -> {
              if (e instanceof UnsupportedOperationException) {
                notify.accept(m.get("demo.unavailable"));
              } else if (e instanceof CancelledException) {
                notify.accept(m.get("demo.cancelled"));
              } else {
                LOG.error("demo data failed", e);
                notify.accept(m.get("demo.failed", String.valueOf(e.getMessage())));
              }
            });
  }
}
