package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.HeldTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * While Réunions reads its meetings the first time (1–2 s at 100,000 candidates), the banner says
 * so with a progress, instead of "Aucune réunion prévue" (#19 item 8); then the next meeting.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsLoadingFxTest {
  @TempDir Path dir;
  private final HeldTaskRunner tasks = new HeldTaskRunner();
  private Services services;
  private MeetingsViewModel vm;

  @Start
  void start(Stage stage) {
    services = TestServices.open(dir.resolve("office"), new TestServices.ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    new MeetingFixture(services)
        .meeting(
            "Information collective — caristes", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 120, 20);
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    MeetingsView view = new MeetingsView(vm, NoMeetingDialogs.INSTANCE);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1366, 768));
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void theBannerSaysTheMeetingsAreReadThenTheNextOne(FxRobot r) {
    Label banner = r.lookup("#nextMeeting").queryAs(Label.class);
    assertThat(banner.getText()).isEqualTo("Chargement des réunions…");
    assertThat(banner.getGraphic()).isInstanceOf(ProgressIndicator.class);
    r.interact(tasks::release);
    assertThat(banner.getText())
        .startsWith("Prochaine réunion : ")
        .endsWith("Information collective — caristes");
    assertThat(banner.getGraphic()).isNull();
  }
}
