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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
  static Services t;
  SyncView view;
  FxTaskRunner tasks;

  @BeforeAll
  static void installations() {
    a = TestServices.withOffice(root.resolve("a"), "FT Toulouse", OfficeKind.FRANCE_TRAVAIL);
    b = TestServices.withOffice(root.resolve("b"), "FT Albi", OfficeKind.FRANCE_TRAVAIL);
    a.sync().peers().trust(b.sync().identity().card());
    b.sync().peers().trust(a.sync().identity().card());
    t = TestServices.withOffice(root.resolve("t"), "Interim Castres", OfficeKind.TEMP_AGENCY);
    t.sync().peers().trust(b.sync().identity().card());
    b.sync().peers().trust(t.sync().identity().card());
  }

  @AfterAll
  static void close() {
    a.close();
    b.close();
    t.close();
  }

  private UiContext ctx;

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    ctx = new UiContext(b, tasks, new Messages(Messages.FRENCH));
    view = new SyncView(ctx);
    stage.setScene(new Scene((Parent) view.build(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    ctx.scope().close(); // the view's poll of the watched folder ends, as when a shell is dropped
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
    edit(s, id, c -> c.setLastName(name));
  }

  private void edit(Services s, UUID id, java.util.function.Consumer<CandidateRecord> change) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var c =
                  cfg.dsl()
                      .selectFrom(fr.passerelle.db.jooq.Tables.CANDIDATE)
                      .where(fr.passerelle.db.jooq.Tables.CANDIDATE.ID.eq(id))
                      .fetchSingle();
              change.accept(c);
              s.writer().update(cfg.dsl(), c);
            });
  }

  private Path export(String name) throws Exception {
    Path d = Files.createDirectories(b.db().dataDir().resolveSibling("files"));
    UUID to = ReplicatedWriter.currentReplica(b.db().dsl()).getId();
    return a.sync().exporter().exportTo(to, d.resolve(name), false, Progress.NONE).file();
  }

  /**
   * A partner (an old version, without the guards) claims one of this office's people as its own
   * and renames them: the rows are refused, the rest applied; the report, the status line and the
   * "Lignes refusées" tab say so, naming the person and the reason.
   */
  @Test
  void aPartnersForgedRowsAreListedAsRefused(FxRobot robot) throws Exception {
    TableView<?> peers = robot.lookup("#sync-peers").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> peers.getItems().size() == 2);
    UUID adam = candidate(b);
    ReplicatedWriter raw = new ReplicatedWriter(fr.passerelle.db.WallClock.system());
    t.db()
        .dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              var k = tx.newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT);
              k.setId(adam);
              k.setCandidateId(adam);
              k.setShare(true);
              raw.insert(tx, k);
              CandidateRecord c = tx.newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE);
              c.setId(adam);
              c.setLastName("PIRATE");
              raw.insert(tx, c);
            });
    Path d = Files.createDirectories(b.db().dataDir().resolveSibling("files"));
    UUID to = ReplicatedWriter.currentReplica(b.db().dsl()).getId();
    Path forged =
        t.sync().exporter().exportTo(to, d.resolve("t.passerelle"), false, Progress.NONE).file();
    robot.interact(() -> view.viewModel().importFile(forged));
    TableView<?> refused = robot.lookup("#sync-refused").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> refused.getItems().size() == 2);
    assertThat(view.viewModel().message().get()).contains("2 ligne(s) refusée(s)");
    robot.clickOn("Lignes refusées (2)");
    WaitForAsyncUtils.waitForFxEvents();
    QuarantinePane pane = new QuarantinePane(new Messages(Messages.FRENCH), view.viewModel());
    var rows = b.sync().quarantine().latest(10);
    for (var row : rows) { // what the tab shows, cell by cell
      for (String cell : List.of(pane.reason(row), pane.what(row))) {
        assertThat(
                robot
                    .lookup((Node n) -> n instanceof Text x && cell.equals(x.getText()))
                    .tryQuery())
            .as(cell)
            .isPresent();
      }
    }
    assertThat(rows)
        .extracting(pane::reason)
        .anyMatch(
            r -> r.contains("Enregistre le consentement d’une personne suivie par France Travail"))
        .anyMatch(r -> r.contains("que France Travail n’a pas partagée avec Interim Castres"));
    assertThat(rows).extracting(pane::what).allMatch(w -> w.contains("Martin"));
    assertThat(
            b.db()
                .dsl()
                .select(fr.passerelle.db.jooq.Tables.CANDIDATE.LAST_NAME)
                .from(fr.passerelle.db.jooq.Tables.CANDIDATE)
                .where(fr.passerelle.db.jooq.Tables.CANDIDATE.ID.eq(adam))
                .fetchOne(0))
        .isEqualTo("Martin");
  }

  @Test
  void importsAFileShowsTheReportAndResolvesAConflict(FxRobot robot) throws Exception {
    TableView<?> peers = robot.lookup("#sync-peers").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> peers.getItems().size() == 2);
    UUID id = candidate(a);
    Path first = export("1.passerelle");
    robot.interact(() -> view.viewModel().importFile(first)); // what a drop does
    TableView<?> report = robot.lookup("#sync-report").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !report.getItems().isEmpty());
    robot.interact( // at 1366×768, in the shell
        () -> {
          robot.window(0).setWidth(1228);
          robot.window(0).setHeight(688);
        });
    rename(a, id, "Martin-A");
    edit(a, id, c -> c.setAvailableFrom(java.time.LocalDate.of(2027, 1, 4)));
    rename(b, id, "Martin-B");
    Path second = export("2.passerelle");
    robot.interact(() -> view.viewModel().importFile(second));
    ListView<?> conflicts = robot.lookup("#sync-conflicts").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflicts.getItems().size() == 1);
    // a tab of their own, its count in its title, the first group open: nothing to select first
    robot.clickOn("Conflits à examiner (1)");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(conflicts.getSelectionModel().getSelectedIndex()).isZero();
    assertThat(conflicts.getWidth())
        .as("the list of conflicts, wide enough for an office's name")
        .isGreaterThan(300);
    for (String said : List.of("nom", "disponible le", "Martin-B", "Martin-A", "4 janv. 2027")) {
      assertThat(
              robot.lookup((Node n) -> n instanceof Text x && said.equals(x.getText())).tryQuery())
          .as("the conflict's fields and values in words: " + said)
          .isPresent();
    }
    assertThat(
            robot
                .from(robot.lookup("#sync-conflicts-pane").queryAs(Node.class))
                .lookup(
                    (Node n) ->
                        n instanceof Text x
                            && x.getText() != null
                            && (x.getText()
                                    .matches("(?i).*(last name|available from|2027-01-04|null).*")
                                || x.getText().endsWith("…")))
                .tryQuery())
        .as("no column name, ISO date, null or cut text")
        .isEmpty();
    robot.clickOn("Garder la version actuelle");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflicts.getItems().isEmpty());
    assertThat(b.sync().conflicts().openCount()).isZero();
  }

  /**
   * At 1366×768 (the view in the shell's content: 1228×688) the report of an import gets room: the
   * upper part scrolls instead of leaving the report a strip one row high.
   */
  @Test
  void theReportOfAnImportHasRoomOnALaptop(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          robot.window(0).setWidth(1228);
          robot.window(0).setHeight(688);
        });
    TableView<?> peers = robot.lookup("#sync-peers").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> peers.getItems().size() == 2);
    candidate(a);
    Path file = export("laptop.passerelle");
    robot.interact(() -> view.viewModel().importFile(file));
    TableView<?> report = robot.lookup("#sync-report").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !report.getItems().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(report.getHeight())
        .as("the report's table, at least five rows high")
        .isGreaterThan(150);
    assertThat(robot.lookup("Importer un fichier…").tryQuery())
        .as("the upper part still there, scrolled")
        .isPresent();
  }
}
