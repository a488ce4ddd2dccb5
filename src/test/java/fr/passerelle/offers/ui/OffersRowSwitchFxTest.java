package fr.passerelle.offers.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferRow;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.UnsavedQuestion;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing lost (#19) in the master–detail of the offers: choosing another row while the offer form
 * holds edits asks Save / Discard / Cancel, as closing the window and the rail do. Cancel (the
 * default) keeps the edits and their row; Discard shows the chosen offer. And the list follows a
 * colleague's save (issue 15, ADR 0192): read again, as the office server's notice does, the row of
 * the offer open stays selected; the form shows the colleague's version when it holds no edits, and
 * keeps the counselor's typing — without asking — when it does (their save meets the conflict).
 */
@ExtendWith(FxTestExtension.class)
class OffersRowSwitchFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  OffersView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    OfferFixtures f = new OfferFixtures(services);
    f.offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY.minusDays(130));
    f.offer("Cariste", "N1101", TOULOUSE, TODAY.minusDays(10));
    tasks = new FxTaskRunner();
  }

  @Start
  void start(Stage stage) {
    view =
        new OffersView(
            new UiContext(services, tasks, new Messages(Messages.FRENCH)), OccupationActions.NONE);
    stage.setScene(new Scene(view, 1200, 760));
    stage.show();
    view.vm.refresh();
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  private static void waitUntil(Callable<Boolean> c) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void choosingAnotherRowWithEditsAsksAndCancelKeepsThem(FxRobot r) throws Exception {
    waitUntil(() -> view.table.getItems().size() == 2);
    var first = view.table.getItems().get(0);
    var second = view.table.getItems().get(1);
    r.interact(() -> view.table.getSelectionModel().select(first));
    waitUntil(() -> view.formVm.loadedTitle().equals(first.offer().title()));
    r.interact(() -> view.formVm.title.set("Préparateur de commandes (nuit)"));
    assertThat(view.formVm.dirty().get()).isTrue();

    r.interact(() -> view.table.getSelectionModel().select(second));
    DialogPane pane = UnsavedQuestion.shown(r);
    assertThat(pane.getContentText()).contains(first.offer().title());
    assertThat(UnsavedQuestion.defaultButtons(pane))
        .as("Enter neither drops nor saves")
        .containsExactly("Annuler");
    r.interact(() -> UnsavedQuestion.button(pane, "Annuler").fire());
    waitUntil(() -> r.lookup("#unsaved-dialog").tryQuery().isEmpty());
    assertThat(view.table.getSelectionModel().getSelectedItem())
        .as("the list is back on the row whose edits are kept")
        .isEqualTo(first);
    assertThat(view.formVm.title.get()).isEqualTo("Préparateur de commandes (nuit)");
    assertThat(view.formVm.loadedTitle()).isEqualTo(first.offer().title());

    r.interact(() -> view.table.getSelectionModel().select(second));
    DialogPane again = UnsavedQuestion.shown(r);
    r.interact(() -> UnsavedQuestion.button(again, "Ne pas enregistrer").fire());
    waitUntil(() -> view.formVm.loadedTitle().equals(second.offer().title()));
    assertThat(view.formVm.title.get()).isEqualTo(second.offer().title());
    assertThat(view.table.getSelectionModel().getSelectedItem().offer().id())
        .isEqualTo(second.offer().id());
    assertThat(services.offersModule().offers().find(first.offer().id()).orElseThrow().title())
        .as("nothing was saved")
        .isEqualTo(first.offer().title());
  }

  /** A colleague renames the offer (another workstation: the service, not this view). */
  private static void colleagueRenames(java.util.UUID id, String title) {
    Offer stored = services.offersModule().offers().find(id).orElseThrow();
    services
        .offersModule()
        .offers()
        .save(OfferFixtures.edited(stored, title, stored.positions()), stored.version());
  }

  private String selectedTitle() {
    var row = view.table.getSelectionModel().getSelectedItem();
    return row == null ? null : row.offer().title();
  }

  @Test
  void theOpenOfferWithoutEditsShowsTheColleaguesVersion(FxRobot r) throws Exception {
    var cariste = open(r, "Cariste");

    colleagueRenames(cariste.offer().id(), "Cariste (équipe de nuit)");
    r.interact(() -> view.vm.refresh());

    waitUntil(() -> "Cariste (équipe de nuit)".equals(selectedTitle()));
    waitUntil(() -> view.formVm.title.get().equals("Cariste (équipe de nuit)"));
    assertThat(r.lookup("#unsaved-dialog").tryQuery()).isEmpty();
    assertThat(view.vm.selected().get().offer().id()).isEqualTo(cariste.offer().id());
    assertThat(view.formVm.dirty().get()).isFalse();
  }

  /** Saved from the form, the offer's row is read again with the list: "saved" stays said. */
  @Test
  void afterASaveTheListsRefreshKeepsSavedSaid(FxRobot r) throws Exception {
    var cariste = open(r, "Cariste");
    r.interact(() -> view.formVm.positions.set("4"));
    r.interact(() -> view.form.save.fire());

    waitUntil(() -> view.formVm.loadedId() != null && !view.formVm.dirty().get());
    waitUntil(() -> selectedPositions() == 4);
    assertThat(view.formVm.status().get()).isEqualTo("Offre enregistrée.");
  }

  /** Chooses the row whose offer's title starts with {@code title}, once its form shows it. */
  private OfferRow open(FxRobot r, String title) throws Exception {
    waitUntil(() -> view.table.getItems().size() == 2);
    OfferRow row =
        view.table.getItems().stream()
            .filter(x -> x.offer().title().startsWith(title))
            .findFirst()
            .orElseThrow();
    r.interact(() -> view.table.getSelectionModel().select(row));
    waitUntil(() -> view.formVm.loadedTitle().startsWith(title));
    return row;
  }

  private int selectedPositions() {
    var s = view.vm.selected().get();
    return s == null ? -1 : s.offer().positions();
  }

  @Test
  void theOpenOfferWithEditsKeepsThemWithoutAsking(FxRobot r) throws Exception {
    var prep = open(r, "Préparateur");
    r.interact(() -> view.formVm.title.set("Préparateur de commandes (matin)"));

    colleagueRenames(prep.offer().id(), "Préparateur de commandes — quai 4");
    r.interact(() -> view.vm.refresh());

    waitUntil(() -> "Préparateur de commandes — quai 4".equals(selectedTitle()));
    assertThat(r.lookup("#unsaved-dialog").tryQuery())
        .as("a colleague's change is not the counselor's choice of another row")
        .isEmpty();
    assertThat(view.formVm.title.get()).isEqualTo("Préparateur de commandes (matin)");
    assertThat(view.formVm.dirty().get()).isTrue();
    assertThat(view.vm.selected().get().offer().id()).isEqualTo(prep.offer().id());
  }
}
