package fr.passerelle.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The partners' table shows a progress while the partners are read (#19 item 8), never "Aucun
 * partenaire pour l'instant" before they are.
 */
@ExtendWith(FxTestExtension.class)
class SyncLoadingFxTest {
  @TempDir static Path dir;
  static Services services;
  final HeldTaskRunner tasks = new HeldTaskRunner();
  UiContext ctx;
  SyncView view;

  @BeforeAll
  static void data() {
    services = TestServices.withOffice(dir, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL);
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    ctx = new UiContext(services, tasks, new Messages(Messages.FRENCH));
    view = new SyncView(ctx);
    stage.setScene(new Scene((Parent) view.build(), 1366, 768));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    ctx.scope().close();
  }

  @Test
  void aProgressWhileThePartnersAreReadThenTheEmptyState(FxRobot r) {
    TableView<?> peers = r.lookup("#sync-peers").queryAs(TableView.class);
    LoadingPlaceholder placeholder = (LoadingPlaceholder) peers.getPlaceholder();
    assertThat(placeholder.showsProgress()).isTrue();
    assertThat(placeholder.showsEmptyState()).isFalse();
    r.interact(tasks::release);
    assertThat(placeholder.showsEmptyState()).isTrue();
    assertThat(placeholder.emptyText()).startsWith("Aucun partenaire pour l’instant");
  }
}
