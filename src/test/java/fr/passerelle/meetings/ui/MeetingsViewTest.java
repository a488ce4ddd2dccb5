package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingDocumentsTest;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Meetings view driven as a counselor works: mouse for set-up, keyboard for attendance. */
@ExtendWith(FxTestExtension.class)
class MeetingsViewTest {
  private static Path dir;
  private static Services services;
  private static List<UUID> candidates;
  private static UUID offer;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private MeetingsView view;
  private Path savedRoster;
  private String confirmation;

  /** The database is set up before JavaFX starts (migrations take a while on a busy machine). */
  @BeforeAll
  static void data() throws Exception {
    // building CalendarFX's view takes long on a busy 2-core machine
    org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    dir = Files.createTempDirectory("meetings-ui");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(services);
    candidates = fixture.candidates(30);
    fixture.sourcingList("Préparateurs Fenouillet", candidates);
    offer =
        new fr.passerelle.testsupport.OfferFixtures(services)
            .offer(
                "Préparateur de commandes CACES",
                "N1103",
                fr.passerelle.testsupport.OfferFixtures.BLAGNAC,
                java.time.LocalDate.of(2025, 12, 15));
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) throws Exception {
    tasks = new FxTaskRunner();
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    savedRoster = dir.resolve("roster.pdf");
    MeetingDialogs dialogs =
        new MeetingDialogs() {
          @Override
          public Optional<Path> saveFile(
              javafx.stage.Window owner, String title, String initialName, String ext) {
            return Optional.of(savedRoster);
          }

          @Override
          public Optional<Path> chooseFolder(javafx.stage.Window owner, String title) {
            return Optional.of(dir.resolve("invitations"));
          }

          @Override
          public boolean confirm(javafx.stage.Window owner, String title, String text, String ok) {
            confirmation = text;
            return true;
          }
        };
    view = new MeetingsView(vm, dialogs);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1260, 790));
    stage.show();
    // the suite shares one headless stage (screen 1280×800): an earlier test may have moved it,
    // which puts the bottom of this scene off-screen, where clicks are lost
    stage.setX(0);
    stage.setY(0);
    // and it may have been sized for another scene: a smaller window hides the right pane's
    // lower buttons, where clicks are lost
    stage.sizeToScene();
    vm.refresh();
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  @Test
  void planInviteAListPromoteTakeAttendanceAndPrint(FxRobot robot) throws Exception {
    // keys or buttons an earlier test class left pressed would turn clicks into Ctrl+clicks
    robot.release(new KeyCode[0]);
    robot.release(new javafx.scene.input.MouseButton[0]);
    waitUntil(() -> !vm.sourcingLists.isEmpty());
    // create: title, capacity; the end before the start is refused next to the field
    robot.clickOn("#newMeeting");
    robot.clickOn("#title").write("Info coll préparateurs de commandes");
    retype(robot, "#end", "08:00");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.editor.save.isDisabled()).isTrue();
    assertThat(view.editor.why.getText()).contains("la fin doit être après le début");
    retype(robot, "#end", "12:00");
    retype(robot, "#capacity", "25");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.editor.why.getText())
        .as(
            "start %s end %s capacity %s",
            view.editor.start.getText(), view.editor.end.getText(), view.editor.capacity.getText())
        .isEmpty();
    assertThat(view.editor.save.isDisabled()).isFalse();
    // fire rather than click: when the whole suite shares one headless stage, the button can be
    // laid out outside the scene's visible bounds, where TestFX refuses to click
    robot.interact(view.editor.save::fire);
    waitUntil(() -> vm.selected.get() != null);
    UUID meeting = vm.selected.get().id();
    assertThat(vm.selected.get().capacity()).isEqualTo(25);

    // invite the 30-candidate list: 25 invited, 5 waitlisted
    robot.clickOn("#tabParticipants");
    robot.clickOn("#sourcingList");
    robot.clickOn("Préparateurs Fenouillet (30 candidats)");
    robot.clickOn("#inviteList");
    waitUntil(() -> vm.participants.size() == 30);
    assertThat(services.participants().counts(meeting))
        .isEqualTo(new MeetingCounts(25, 0, 5, 0, 0, 0));
    assertThat(view.participants.counts.getText())
        .contains("Invités 25 / 25 places", "en attente 5");

    // the first invited cancels (excused): the first waitlisted (26th of the list) gets the place
    robot.interact(() -> view.participants.table.getSelectionModel().clearAndSelect(0));
    assertThat(view.participants.table.getSelectionModel().getSelectedItem().candidateId())
        .isEqualTo(candidates.get(0));
    robot.interact(() -> robot.lookup("#markEXCUSED").queryButton().fire());
    waitUntil(() -> status(meeting, candidates.get(25)) == ParticipantStatus.INVITED);
    assertThat(status(meeting, candidates.get(26))).isEqualTo(ParticipantStatus.WAITLISTED);
    assertThat(status(meeting, candidates.get(0))).isEqualTo(ParticipantStatus.EXCUSED);

    // inviting someone already there is refused next to the search field
    robot.clickOn("#candidateSearch").write("Martin");
    waitUntil(() -> !vm.candidateHits.isEmpty());
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.participants.searchProblem).contains("MARTIN Léa est déjà sur cette réunion");
    assertThat(vm.participants).hasSize(30);

    // attendance by keyboard alone, in name order: P, A, E, then space on the fourth
    robot.clickOn("#attendanceMode");
    List<Participant> byName =
        vm.participants.stream()
            .sorted(
                Comparator.comparing(Participant::printedName, Collator.getInstance(Locale.FRENCH)))
            .toList();
    robot.type(KeyCode.P);
    waitUntil(() -> status(meeting, byName.get(0).candidateId()) == ParticipantStatus.PRESENT);
    robot.type(KeyCode.A);
    waitUntil(() -> status(meeting, byName.get(1).candidateId()) == ParticipantStatus.ABSENT);
    robot.type(KeyCode.E);
    waitUntil(() -> status(meeting, byName.get(2).candidateId()) == ParticipantStatus.EXCUSED);
    robot.type(KeyCode.SPACE);
    waitUntil(() -> status(meeting, byName.get(3).candidateId()) == ParticipantStatus.PRESENT);
    waitUntil(() -> vm.counts.get().present() == 2);
    assertThat(view.participants.counts.getText()).contains("présents 2", "absentéisme 33,3 %");

    // the sign-in sheet saved as PDF
    MeetingsDocuments.fire(robot, "saveRoster");
    waitUntil(() -> Files.exists(savedRoster));
    String text = String.join("\n", MeetingDocumentsTest.pagesOf(Files.readAllBytes(savedRoster)));
    assertThat(text).contains("Info coll préparateurs de commandes", "page 1 / 2", "page 2 / 2");
    for (Participant p : services.meetings().sheet(meeting).expected()) {
      assertThat(text).contains(p.printedName());
    }

    // the invitation e-mails: one per convened candidate with an e-mail (none here), and the
    // message says who gets only the printed letter
    MeetingsDocuments.fire(robot, "saveInvitations");
    waitUntil(() -> vm.message.get() != null && vm.message.get().contains("e-mail(s) préparé"));
    assertThat(vm.message.get()).contains("0 e-mail(s) préparé(s)", "sans e-mail recevront");
    assertThat(Files.isDirectory(dir.resolve("invitations"))).isTrue();

    // cancelling names what happens, then marks the meeting cancelled
    robot.clickOn("#cancelMeeting");
    waitUntil(() -> vm.selected.get().status() == fr.passerelle.meetings.MeetingStatus.CANCELLED);
    assertThat(confirmation).contains("sera marquée annulée", "30 participants restent listés");
    // the cancellation's refresh (and what it loads) must be done before @AfterEach closes the
    // task runner, or its next submit is rejected (seen in the full suite on a loaded machine)
    waitUntil(() -> tasks.running().isEmpty());
  }

  @Test
  void aMeetingStartedFromAnOfferIsAboutItAndAnUnknownOccupationIsRefused(FxRobot robot)
      throws Exception {
    robot.release(new KeyCode[0]);
    robot.interact(
        () -> view.newMeetingAbout(fr.passerelle.ui.ActionRequest.forOffer("N1103", offer)));
    waitUntil(
        () ->
            view.editor.focus.offer.getValue() != null
                && !view.editor.focus.romeLabel.getText().isEmpty());
    assertThat(view.editor.title.getText()).isEqualTo("Préparateur de commandes CACES");
    assertThat(view.editor.focus.rome.getText()).isEqualTo("N1103");
    assertThat(view.editor.focus.offer.getValue().label())
        .isEqualTo("Préparateur de commandes CACES — Entrepôts du Sud (Blagnac)");

    // an occupation the reference does not know: said next to the field, the offer dropped
    // (the field may be scrolled below the scene's bottom in the shared headless stage: set text)
    robot.interact(() -> view.editor.focus.rome.setText("Z9999"));
    waitUntil(() -> view.editor.save.isDisabled());
    assertThat(view.editor.why.getText()).contains("code ROME Z9999 inconnu du référentiel");
    assertThat(view.editor.focus.offer.getValue()).isNull();

    // back to the offer's occupation: its open offers are the choices again
    robot.interact(() -> view.editor.focus.rome.setText("n1103"));
    waitUntil(() -> view.editor.focus.offer.getItems().size() == 2);
    robot.interact(() -> view.editor.focus.offer.getSelectionModel().select(1));
    waitUntil(() -> !view.editor.save.isDisabled());
    robot.interact(view.editor.save::fire);
    waitUntil(() -> vm.selected.get() != null);
    assertThat(vm.selected.get().offerId()).isEqualTo(offer);
    assertThat(vm.selected.get().romeCode()).isEqualTo("N1103");
    waitUntil(() -> tasks.running().isEmpty());
  }

  /** Clears the field and types into it. */
  private static void retype(FxRobot robot, String query, String text) {
    javafx.scene.control.TextInputControl field =
        robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
    // focus through the control: in the shared headless stage a click may land outside the field
    robot.interact(
        () -> {
          field.requestFocus();
          field.clear();
        });
    robot.write(text);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(field.getText()).as("typed into %s", query).isEqualTo(text);
  }

  private ParticipantStatus status(UUID meeting, UUID candidate) {
    return services.participants().participants(meeting).stream()
        .filter(p -> candidate.equals(p.candidateId()))
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> {
          WaitForAsyncUtils.waitForFxEvents();
          return condition.getAsBoolean();
        });
  }
}
