package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Import and export of candidate files in the background, with progress and cancel. The last
 * import's report (errors by line and field) is kept for the report dialog.
 */
public final class CandidateFilesViewModel {
  private final CandidateService service;
  private final TaskRunner tasks;
  private final Messages msg;
  private final Executor fx;
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final DoubleProperty progress = new SimpleDoubleProperty(-1);
  private final StringProperty status = new SimpleStringProperty("");
  private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
  private volatile boolean cancelled;
  private TaskRunner.Handle handle;

  /**
   * @param fx delivers progress updates on the FX thread ({@code Platform::runLater}; {@code
   *     Runnable::run} in tests)
   */
  public CandidateFilesViewModel(
      CandidateService service, TaskRunner tasks, Messages msg, Executor fx) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
    this.fx = fx;
  }

  /** Imports {@code file}; {@code done} receives the report (also in {@link #report()}). */
  public void importFile(Path file, ImportMode mode, Runnable done) {
    start(msg.get("candidates.files.importing", file.getFileName()));
    handle =
        tasks.submit(
            msg.get("candidates.task.import"),
            p -> service.transfer().importFile(file, mode, tracking(p)),
            r -> {
              running.set(false);
              report.set(r);
              status.set(
                  !r.applied()
                      ? msg.get("candidates.files.refused", r.errorCount(), r.rowsRefused())
                      : r.corrections().isEmpty()
                          ? msg.get("candidates.files.imported", r.created(), r.updated())
                          // what the import changed (control characters removed, zeros restored)
                          // is said here and listed in the report (issue 22)
                          : msg.get(
                              "candidates.files.importedCorrected",
                              r.created(),
                              r.updated(),
                              r.corrections().size()));
              done.run();
            },
            this::failed);
  }

  /** Exports the candidates matching {@code query}. */
  public void exportFile(Path file, CandidateQuery query, Consumer<Long> done) {
    start(msg.get("candidates.files.exporting", file.getFileName()));
    handle =
        tasks.submit(
            msg.get("candidates.task.export"),
            p -> service.transfer().exportFile(file, query, tracking(p)),
            n -> {
              running.set(false);
              status.set(msg.get("candidates.files.exported", n, file.getFileName()));
              done.accept(n);
            },
            this::failed);
  }

  public void cancel() {
    cancelled = true;
    if (handle != null) {
      handle.cancel();
    }
  }

  private void start(String text) {
    cancelled = false;
    running.set(true);
    progress.set(-1);
    status.set(text);
    report.set(null);
  }

  private Progress tracking(Progress outer) {
    return new Progress() {
      @Override
      public void update(long done, long total, String message) {
        outer.update(done, total, message);
        double f = total > 0 ? done / (double) total : -1;
        fx.execute(() -> progress.set(f));
      }

      @Override
      public boolean isCancelled() {
        return cancelled || outer.isCancelled();
      }
    };
  }

  private void failed(Throwable e) {
    running.set(false);
    status.set(
        e instanceof CancelledException
            ? msg.get("candidates.files.cancelled")
            : msg.get("candidates.files.failed", msg.describe(e)));
  }

  public BooleanProperty running() {
    return running;
  }

  public DoubleProperty progress() {
    return progress;
  }

  public StringProperty status() {
    return status;
  }

  public ObjectProperty<ImportReport> report() {
    return report;
  }
}
