package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.AgeBand;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.Civility;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The candidate file shows civility, the France Travail identifier and the age with its band; the
 * filters take a commune by its name and an age band (issue 19). Test clock: 5 January 2026.
 */
@ExtendWith(FxTestExtension.class)
class CandidateIdentityFxTest {
  @TempDir static Path dir;
  static Services services;
  static FxTaskRunner tasks;
  static CandidateDetail helene;
  CandidatesView view;

  @BeforeAll
  static void data() {
    services = TestServices.open(dir.resolve("db"), new TestServices.ManualClock());
    services.offices().init("Agence", OfficeKind.FRANCE_TRAVAIL, null);
    helene =
        services
            .candidates()
            .save(
                person("Lefèvre", "Hélène", LocalDate.of(2002, 3, 14), "31555")
                    .withIdentity(Civility.MADAME, "1234567A"),
                null);
    services.candidates().save(person("Martin", "Paul", LocalDate.of(1970, 1, 1), "31069"), null);
    tasks = new FxTaskRunner();
  }

  private static CandidateDetail person(String last, String first, LocalDate birth, String c) {
    return new CandidateDetail(
        null,
        null,
        last,
        first,
        birth,
        null,
        null,
        null,
        c,
        null,
        0,
        false,
        null,
        CandidateStatus.ACTIVE,
        null,
        null,
        List.of(),
        List.of(),
        null);
  }

  @AfterAll
  static void close() {
    tasks.close();
    services.close();
  }

  @Start
  void start(Stage stage) {
    view = new CandidatesView(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    stage.setScene(new Scene(view, 1366, 768));
    stage.show();
    view.onShow();
  }

  private void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFileShowsCivilityIdentifierAndAgeBandAndSavesThem(FxRobot robot) throws Exception {
    robot.interact(() -> view.detailVm.open(helene.id(), () -> {}));
    waitUntil(() -> view.detailVm.loaded().get() != null);

    ComboBox<Civility> civility = robot.lookup("#candidate-civility").queryAs(ComboBox.class);
    TextField ftId = robot.lookup("#candidate-ft-identifier").queryAs(TextField.class);
    Label age = robot.lookup("#candidate-age").queryAs(Label.class);
    assertThat(civility.getValue()).isEqualTo(Civility.MADAME);
    assertThat(civility.getConverter().toString(civility.getValue())).isEqualTo("Madame");
    assertThat(ftId.getText()).isEqualTo("1234567A");
    assertThat(age.getText()).isEqualTo("23 ans · Moins de 26 ans");
    assertThat(age.isVisible()).isTrue();

    robot.interact(() -> view.detailVm.birthDate().set(LocalDate.of(1975, 6, 1)));
    assertThat(age.getText()).isEqualTo("50 ans · 50 ans et plus");

    robot.clickOn(ftId);
    robot.eraseText(8).write("7654321b");
    robot.interact(() -> civility.setValue(Civility.MONSIEUR));
    waitUntil(() -> view.detailVm.dirty().get());
    robot.clickOn(view.detail.save);
    waitUntil(() -> !view.detailVm.dirty().get());

    CandidateDetail saved = services.candidates().find(helene.id()).orElseThrow();
    assertThat(saved.civility()).isEqualTo(Civility.MONSIEUR);
    assertThat(saved.franceTravailId()).isEqualTo("7654321B");
    assertThat(saved.birthDate()).isEqualTo(LocalDate.of(1975, 6, 1));
    services
        .candidates()
        .save(saved.withIdentity(Civility.MADAME, "1234567A").withVersion(saved.version()), null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFiltersTakeACommuneByItsNameAndAnAgeBand(FxRobot robot) throws Exception {
    robot.clickOn("#candidates-filters-more"); // age is under "Plus de filtres"
    TextField commune = robot.lookup("#candidates-filter-commune").queryAs(TextField.class);
    ComboBox<AgeBand> age = robot.lookup("#candidates-filter-age").queryAs(ComboBox.class);

    robot.interact(() -> commune.setText("blagnac"));
    waitUntil(
        () ->
            view.table.getItems().size() == 1
                && view.table.getItems().get(0).lastName().equals("Martin"));

    robot.interact(() -> commune.setText("Saint-Denis"));
    Label hint = robot.lookup("#candidates-filter-commune-hint").queryAs(Label.class);
    assertThat(hint.getText())
        .matches("\\d+ communes portent ce nom : choisissez-la dans la liste");

    robot.interact(
        () -> {
          commune.setText("");
          age.setValue(AgeBand.UNDER_26);
        });
    waitUntil(
        () ->
            view.table.getItems().size() == 1
                && view.table.getItems().get(0).lastName().equals("Lefèvre"));
    robot.interact(() -> age.setValue(AgeBand.FROM_50));
    waitUntil(
        () ->
            view.table.getItems().size() == 1
                && view.table.getItems().get(0).lastName().equals("Martin"));
  }
}
