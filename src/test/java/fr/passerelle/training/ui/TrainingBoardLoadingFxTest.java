package fr.passerelle.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Feedback in the view that waits (#19 item 8): while the board is read (seconds at 100,000
 * candidates) its columns show a progress, not "Aucun parcours" and "(0)" — which said the office
 * had no path at all — then the counts and the empty state once read.
 */
@ExtendWith(FxTestExtension.class)
class TrainingBoardLoadingFxTest {
  @TempDir static Path dir;
  static Services services;
  final HeldTaskRunner tasks = new HeldTaskRunner();
  TrainingBoardViewModel vm;
  BoardPane board;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @Start
  void start(Stage stage) {
    Messages m = new Messages(Messages.FRENCH);
    vm = new TrainingBoardViewModel(new UiContext(services, tasks, m));
    board = new BoardPane(vm, m);
    stage.setScene(new Scene(board, 1260, 780));
    stage.show();
    vm.load();
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @Test
  void theColumnsShowAProgressWhileTheBoardIsReadThenTheirCounts(FxRobot r) {
    ListView<?> ideas =
        r.lookup("#column-" + TrainingStatus.values()[0].name()).queryAs(ListView.class);
    Label head = (Label) ((VBox) ideas.getParent()).getChildren().get(0);
    LoadingPlaceholder placeholder = (LoadingPlaceholder) ideas.getPlaceholder();
    assertThat(placeholder.showsProgress()).isTrue();
    assertThat(placeholder.showsEmptyState()).isFalse();
    assertThat(head.getText()).as("no count before the board is read").doesNotContain("(0)");

    r.interact(tasks::release);
    assertThat(placeholder.showsEmptyState()).isTrue();
    assertThat(placeholder.emptyText()).isEqualTo("Aucun parcours");
    assertThat(head.getText()).endsWith("(0)");
  }
}
