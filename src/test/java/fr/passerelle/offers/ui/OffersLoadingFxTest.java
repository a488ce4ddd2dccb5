package fr.passerelle.offers.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.OfferFixtures;
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

/**
 * While offers, occupations or an offer's candidates are still being read, their tables show a
 * progress, never "no offers" (the work is held by the test, then released).
 */
@ExtendWith(FxTestExtension.class)
class OffersLoadingFxTest {
  @TempDir static Path dir;
  static Services services;
  final HeldTaskRunner tasks = new HeldTaskRunner();
  OffersView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir, new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
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
    services.close();
  }

  private static LoadingPlaceholder placeholder(javafx.scene.control.TableView<?> t) {
    return (LoadingPlaceholder) t.getPlaceholder();
  }

  @Test
  void progressWhileLoadingThenTheEmptyState(FxRobot robot) {
    LoadingPlaceholder offers = placeholder(view.table);
    assertThat(tasks.pending()).isEqualTo(1);
    assertThat(offers.showsProgress()).isTrue();
    assertThat(offers.showsEmptyState()).isFalse();
    robot.interact(tasks::release);
    assertThat(offers.showsProgress()).isFalse();
    assertThat(offers.showsEmptyState()).isTrue();
    assertThat(offers.emptyText()).startsWith("Aucune offre ouverte");

    // the occupations tab: computed when first shown
    robot.interact(() -> view.tabs.getSelectionModel().select(1));
    LoadingPlaceholder occupations = placeholder(view.occupations.table);
    assertThat(occupations.showsProgress()).isTrue();
    robot.interact(tasks::release);
    assertThat(occupations.showsEmptyState()).isTrue();
    assertThat(occupations.emptyText()).isEqualTo("Aucun métier avec des offres ouvertes.");

    // an offer with nobody within reach: progress while ranking, then why the table is empty
    new OfferFixtures(services).offer("Préparateur de commandes", "N1103", TOULOUSE, TODAY);
    robot.interact(
        () -> {
          view.tabs.getSelectionModel().select(0);
          view.vm.refresh();
          tasks.release();
        });
    assertThat(view.table.getItems()).hasSize(1);
    LoadingPlaceholder matches = placeholder(view.matching.table);
    assertThat(matches.showsProgress()).isFalse();
    assertThat(matches.emptyText()).startsWith("Sélectionnez une offre");
    robot.interact(() -> view.table.getSelectionModel().select(0));
    assertThat(matches.showsProgress()).isTrue();
    robot.interact(tasks::release);
    assertThat(matches.showsEmptyState()).isTrue();
    assertThat(matches.emptyText()).startsWith("Aucun candidat rapproché");
  }
}
