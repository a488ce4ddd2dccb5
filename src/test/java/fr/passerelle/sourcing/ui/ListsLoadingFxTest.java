package fr.passerelle.sourcing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** "My lists" and a list's candidates show a progress while read, then their empty states. */
@ExtendWith(FxTestExtension.class)
class ListsLoadingFxTest {
  @TempDir static Path dir;
  static Services services;
  final HeldTaskRunner tasks = new HeldTaskRunner();
  ListsView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @Start
  void start(Stage stage) {
    view = new ListsView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    view.vm.refresh();
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @Test
  void progressWhileLoadingThenTheEmptyStates(FxRobot robot) {
    LoadingPlaceholder lists = (LoadingPlaceholder) view.lists.getPlaceholder();
    LoadingPlaceholder entries = (LoadingPlaceholder) view.entries.getPlaceholder();
    assertThat(lists.showsProgress()).isTrue();
    assertThat(lists.showsEmptyState()).isFalse();
    assertThat(entries.showsProgress()).isFalse();
    robot.interact(tasks::release);
    assertThat(lists.showsEmptyState()).isTrue();
    assertThat(entries.showsEmptyState()).isTrue();

    services.sourcing().create(new NewList("Caristes Blagnac", null, "N1101", null, null));
    robot.interact(
        () -> {
          view.vm.refresh();
          tasks.release();
        });
    assertThat(view.lists.getItems()).hasSize(1);
    robot.interact(() -> view.lists.getSelectionModel().select(0));
    assertThat(entries.showsProgress()).isTrue();
    assertThat(entries.showsEmptyState()).isFalse();
    robot.interact(tasks::release);
    assertThat(entries.showsEmptyState()).isTrue();
  }
}
