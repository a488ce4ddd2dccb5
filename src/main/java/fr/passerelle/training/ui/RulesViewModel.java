package fr.passerelle.training.ui;

import fr.passerelle.training.FundingRule;
import fr.passerelle.training.FundingRuleService;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.DialogService.FileChoice;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The funding rules as data: read, exported to CSV (Excel), imported back from the office's edited
 * spreadsheet (the whole set replaced in one transaction), or reset to the shipped rules after a
 * confirmation. The questions and file choices are asked here, through the {@link DialogService};
 * the work runs off the FX thread; a failure is said in words in {@link #status()}.
 */
final class RulesViewModel {
  private static final String PURPOSE = "training-rules";

  private final FundingRuleService rules;
  private final TaskRunner tasks;
  private final Messages msg;
  private final DialogService dialogs;
  private final ObservableList<FundingRule> shown = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  RulesViewModel(FundingRuleService rules, TaskRunner tasks, Messages msg, DialogService dialogs) {
    this.rules = rules;
    this.tasks = tasks;
    this.msg = msg;
    this.dialogs = dialogs;
  }

  ObservableList<FundingRule> rules() {
    return shown;
  }

  /** What the last action did, or why it failed. */
  ReadOnlyStringProperty status() {
    return status.getReadOnlyProperty();
  }

  void load() {
    tasks.submit(msg.get("training.loading"), p -> rules.all(), shown::setAll, this::failed);
  }

  /** Chooses a CSV and replaces the office's rules with it. */
  void importCsv() {
    dialogs
        .openFile(FileChoice.of(PURPOSE, null).filter("CSV", "*.csv"))
        .ifPresent(f -> replace(() -> rules.importCsv(f)));
  }

  /** Chooses where to save the rules as CSV and writes them there. */
  void exportCsv() {
    dialogs
        .saveFile(FileChoice.of(PURPOSE, null).named("regles-financement.csv"))
        .ifPresent(
            f ->
                tasks.submit(
                    msg.get("training.saving"),
                    p -> {
                      try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                        rules.exportCsv(w);
                      }
                      return f;
                    },
                    x -> status.set(msg.get("training.rules.exported", x.getFileName().toString())),
                    this::failed));
  }

  /** Puts back the rules shipped with Passerelle, once the counselor confirms. */
  void resetToShipped() {
    if (dialogs.confirmDestructive(
        msg.get("training.rules.reset"),
        msg.get("training.rules.reset.confirm"),
        msg.get("training.rules.reset"))) {
      replace(rules::restoreShipped);
    }
  }

  private void replace(java.util.concurrent.Callable<Integer> work) {
    tasks.submit(
        msg.get("training.saving"),
        p -> work.call(),
        n -> {
          status.set(msg.get("training.rules.imported", n));
          load();
        },
        this::failed);
  }

  private void failed(Throwable e) {
    TaskRunner.logged("The funding rules").accept(e);
    status.set(msg.describe(e));
  }
}
