package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1366×768 (the view gets about 1228×688 beside the rail, under the top bar, above the status
 * bar) the participants of the meeting open are in the window (#19): five document buttons on three
 * rows and the partners' form pushed the table below the window's edge.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsParticipantsFitFxTest {
  private static final double WIDTH = 1228;
  private static final double HEIGHT = 688;
  private static Path dir;
  private static Services services;
  private static Meeting meeting;
  private static Meeting contacts;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private MeetingsView view;

  @BeforeAll
  static void data() throws Exception {
    dir = Files.createTempDirectory("meetings-fit");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(services);
    meeting =
        fixture.meeting(
            "Réunion d'information formation : Formateur / Formatrice",
            MeetingFixture.NEXT_MONDAY.atTime(9, 30),
            120,
            16);
    services.participants().inviteCandidates(meeting.id(), fixture.candidates(15));
    // long names and e-mail addresses, as a real list has
    java.util.List<java.util.UUID> people = fixture.candidates(8, "x");
    new fr.passerelle.meetings.CrowdedWeek(services).longContacts(people);
    contacts =
        fixture.meeting("Job dating logistique", MeetingFixture.NEXT_MONDAY.atTime(14, 0), 120, 20);
    services.participants().inviteCandidates(contacts.id(), people);
    // a list with a long name: the choice of lists must not widen the pane past the window
    services
        .sourcing()
        .create(
            new fr.passerelle.sourcing.NewList(
                "Préparateurs de commandes Fenouillet et Saint-Jory — session de printemps 2027",
                null,
                "N1103",
                null,
                null));
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    // the application's theme (its paddings and fonts decide what fits), whatever ran before
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    tasks = new FxTaskRunner();
    vm = new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    MeetingDialogs none = NoMeetingDialogs.INSTANCE;
    view = new MeetingsView(vm, none);
    // the laptop's window whatever size an earlier test left the shared stage at
    stage.setMaximized(false);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), WIDTH, HEIGHT));
    stage.sizeToScene();
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void stop() {
    tasks.close();
  }

  @Test
  void theParticipantsTableShowsRowsInTheWindow(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(meeting.id()));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.participants.size() == 15);
    robot.clickOn("#tabParticipants");
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table = robot.lookup("#participants").queryAs(TableView.class);
    Bounds b = table.localToScene(table.getLayoutBounds());
    assertThat(b.getMinY())
        .as("the table starts high enough to show its header and three rows (150 px)")
        .isLessThan(HEIGHT - 150);
    javafx.scene.Node buttons = robot.lookup("#markPRESENT").query();
    assertThat(buttons.localToScene(buttons.getLayoutBounds()).getMaxY())
        .as("the attendance buttons are in the window")
        .isLessThan(HEIGHT);

    // six participants or more without scrolling, in the rows as the theme draws them (#19)
    Region header = robot.lookup("#participants .column-header-background").queryAs(Region.class);
    double rowsTop = header.localToScene(header.getLayoutBounds()).getMaxY();
    double rowsBottom = Math.min(b.getMaxY(), HEIGHT);
    javafx.scene.control.TableRow<?> row =
        robot.lookup("#participants .table-row-cell").queryAs(javafx.scene.control.TableRow.class);
    double rowHeight = row.getHeight();
    assertThat(rowHeight).isGreaterThan(15);
    assertThat(Math.floor((rowsBottom - rowsTop) / rowHeight))
        .as(
            "participants' rows shown whole (row %.0f px, from %.0f to %.0f)",
            rowHeight, rowsTop, rowsBottom)
        .isGreaterThanOrEqualTo(6);

    // the pane no wider than the window: the table, the counts and the invitations' row in it
    for (String id : new String[] {"#participants", "#counts", "#sourcingList", "#inviteList"}) {
      javafx.scene.Node n = robot.lookup(id).query();
      assertThat(n.localToScene(n.getLayoutBounds()).getMaxX())
          .as("%s ends inside the window", id)
          .isLessThanOrEqualTo(WIDTH);
    }
    assertThat(vm.sourcingLists).as("the long list is offered").isNotEmpty();

    // every column, phone and e-mail included, without scrolling sideways
    assertThat(table.getVisibleLeafColumns()).hasSize(4);
    assertThat(
            robot.lookup("#participants .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(s -> s.getOrientation() == Orientation.HORIZONTAL && s.isVisible()))
        .as("no sideways scroll bar")
        .isEmpty();

    // "Prochaine réunion" on one line, not cut
    Label next = view.nextMeeting;
    assertThat(next.getText()).startsWith("Prochaine réunion");
    assertThat(next.getHeight())
        .as("the next meeting's line is one line high")
        .isLessThan(next.getFont().getSize() * 2.2);
    java.util.List<String> cut = new java.util.ArrayList<>();
    robot.interact(
        () ->
            cut.addAll(
                fr.passerelle.testsupport.CutTexts.walk(
                    "meetings", (javafx.scene.Parent) view.root())));
    assertThat(cut).as("nothing cut").isEmpty();
  }

  /**
   * Long names and e-mail addresses (#19: they ended in "…" while the status column kept room it
   * did not use): the name and the e-mail get the width, the status and the phone only what they
   * need; a cut text is whole in its tooltip; the e-mail and the phone are copied from the table's
   * menu.
   */
  @Test
  void namesAndEmailsGetTheWidthAreWholeInTooltipsAndCopied(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(contacts.id()));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.participants.size() == 8);
    robot.clickOn("#tabParticipants");
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TableView<fr.passerelle.meetings.Participant> table =
        robot.lookup("#participants").queryAs(TableView.class);
    java.util.Map<String, Double> width = new java.util.HashMap<>();
    table.getVisibleLeafColumns().forEach(c -> width.put(c.getId(), c.getWidth()));
    assertThat(width.get("email"))
        .as("the e-mail wider than the phone")
        .isGreaterThan(width.get("phone"));
    assertThat(width.get("name"))
        .as("the name wider than the status")
        .isGreaterThan(width.get("status") + 40);
    assertThat(width.get("status")).isLessThanOrEqualTo(125);
    assertThat(width.get("phone")).isLessThanOrEqualTo(130);

    // every name and e-mail shown: whole in its cell's tooltip; a phone number whole, to read it
    // out or dial it
    java.util.List<String> withoutTooltip = new java.util.ArrayList<>();
    java.util.List<String> cutPhones = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof javafx.scene.control.TableCell<?, ?> cell
                && cell.getTableColumn() != null
                && cell.getItem() instanceof String text
                && !text.isBlank())) {
              continue;
            }
            String column = cell.getTableColumn().getId();
            if (("name".equals(column) || "email".equals(column))
                && (cell.getTooltip() == null || !text.equals(cell.getTooltip().getText()))) {
              withoutTooltip.add(text);
            }
            if ("phone".equals(column)
                && cell.lookup(".text") instanceof javafx.scene.text.Text shown
                && !text.equals(shown.getText())) {
              cutPhones.add(shown.getText());
            }
          }
        });
    assertThat(cutPhones).as("phone numbers cut").isEmpty();
    assertThat(withoutTooltip)
        .as("names and e-mails without their whole text in a tooltip")
        .isEmpty();

    // the table's menu copies the selected person's e-mail and phone
    robot.interact(() -> table.getSelectionModel().select(0));
    fr.passerelle.meetings.Participant first = table.getSelectionModel().getSelectedItem();
    javafx.scene.Node row = robot.lookup("#participants .table-row-cell").query();
    assertThat(copy(robot, table, row, "Copier l'e-mail")).isEqualTo(first.email());
    assertThat(vm.message.get()).contains(first.email());
    assertThat(copy(robot, table, row, "Copier le téléphone")).isEqualTo(first.phone());
  }

  /**
   * Chooses {@code item} in the table's menu under {@code row} (Monocle makes no context-menu event
   * of a right click); returns what the clipboard holds then.
   */
  private static String copy(FxRobot robot, TableView<?> table, javafx.scene.Node row, String item)
      throws Exception {
    robot.interact(() -> table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 0, 0));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(item);
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(
            () -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
        .get(30, TimeUnit.SECONDS);
  }
}
