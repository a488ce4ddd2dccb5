package fr.passerelle.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
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
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(FxTestExtension.class)
class SyncViewTest {
  @TempDir static Path root;
  static Services a;
  static Services b;
  SyncView view;
  FxTaskRunner tasks;

  @BeforeAll
  static void installations() {
    a = TestServices.withOffice(root.resolve("a"), "FT Toulouse", OfficeKind.FRANCE_TRAVAIL);
    b = TestServices.withOffice(root.resolve("b"), "FT Albi", OfficeKind.FRANCE_TRAVAIL);
    a.sync().peers().trust(b.sync().identity().card());
    b.sync().peers().trust(a.sync().identity().card());
  }

  @AfterAll
  static void close() {
    a.close();
    b.close();
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    view = new SyncView(new UiContext(b, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene((Parent) view.build(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  private UUID candidate(Services s) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE);
              c.setLastName("Martin");
              return s.writer().insert(cfg.dsl(), c).getId();
            });
  }

  private void rename(Services s, UUID id, String name) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var c =
                  cfg.dsl()
                      .selectFrom(fr.passerelle.db.jooq.Tables.CANDIDATE)
                      .where(fr.passerelle.db.jooq.Tables.CANDIDATE.ID.eq(id))
                      .fetchSingle();
              c.setLastName(name);
              s.writer().update(cfg.dsl(), c);
            });
  }

  private Path export(String name) throws Exception {
    Path d = Files.createDirectories(b.db().dataDir().resolveSibling("files"));
    UUID to = ReplicatedWriter.currentReplica(b.db().dsl()).getId();
    return a.sync().exporter().exportTo(to, d.resolve(name), false, Progress.NONE).file();
  }

  @Test
  void importsAFileShowsTheReportAndResolvesAConflict(FxRobot robot) throws Exception {
    TableView<?> peers = robot.lookup("#sync-peers").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> peers.getItems().size() == 1);
    UUID id = candidate(a);
    Path first = export("1.passerelle");
    robot.interact(() -> view.viewModel().importFile(first)); // what a drop does
    TableView<?> report = robot.lookup("#sync-report").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !report.getItems().isEmpty());
    rename(a, id, "Martin-A");
    rename(b, id, "Martin-B");
    Path second = export("2.passerelle");
    robot.interact(() -> view.viewModel().importFile(second));
    ListView<?> conflicts = robot.lookup("#sync-conflicts").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflicts.getItems().size() == 1);
    robot.interact(() -> conflicts.getSelectionModel().selectFirst());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Garder la version actuelle");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflicts.getItems().isEmpty());
    assertThat(b.sync().conflicts().openCount()).isZero();
  }
}
