package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.UnsavedQuestion;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
 * Withdrawing the consent to share withdraws the sensitive-data one (agreed "also") and the file no
 * longer says the sharing is recorded (issue #19: the sensitive box stayed ticked and the line
 * still read "Partage enregistré le…").
 */
@ExtendWith(FxTestExtension.class)
class CandidateConsentFxTest {
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
                CandidateFixtures.person("Lefèvre", "Hélène", "31555")
                    .withConsent(new CandidateDetail.Consent(true, null, true, null, null)),
                null);
    tasks = new FxTaskRunner();
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
  void withdrawingTheSharingWithdrawsTheSensitiveConsentAndSaysSo(FxRobot robot) throws Exception {
    robot.interact(() -> view.detailVm.open(helene.id(), () -> {}));
    waitUntil(() -> view.detailVm.loaded().get() != null);
    CheckBox share = robot.lookup("#candidate-consent-share").queryAs(CheckBox.class);
    CheckBox sensitive = robot.lookup("#candidate-consent-sensitive").queryAs(CheckBox.class);
    Label info = robot.lookup("#candidate-consent-info").queryAs(Label.class);
    assertThat(share.isSelected()).isTrue();
    assertThat(sensitive.isSelected()).isTrue();
    assertThat(sensitive.isDisabled()).isFalse();
    assertThat(info.getText()).startsWith("Partage accepté le ").contains("données sensibles le ");

    robot.interact(() -> share.fire());
    assertThat(sensitive.isSelected()).as("agreed 'also': withdrawn with the sharing").isFalse();
    assertThat(sensitive.isDisabled()).isTrue();
    assertThat(info.getText())
        .as("nothing is recorded yet: the line says so instead of the old consent's date")
        .doesNotContain("Partage")
        .startsWith("Modifié : le changement sera daté");

    Platform.runLater(view.detail.save::fire); // the question waits in a nested event loop
    waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
    DialogPane ask = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
    robot.interact(() -> UnsavedQuestion.button(ask, "Retirer le consentement").fire());
    waitUntil(() -> !view.detailVm.dirty().get());

    CandidateDetail.Consent stored =
        services.candidates().find(helene.id()).orElseThrow().consent();
    assertThat(stored.share()).isFalse();
    assertThat(stored.sensitive()).isFalse();
    assertThat(info.getText()).startsWith("Pas de consentement au partage (enregistré le ");
    assertThat(sensitive.isDisabled()).isTrue();

    // given again: the sensitive box can be ticked again
    robot.interact(() -> share.fire());
    assertThat(sensitive.isDisabled()).isFalse();
    assertThat(sensitive.isSelected()).isFalse();
  }
}
