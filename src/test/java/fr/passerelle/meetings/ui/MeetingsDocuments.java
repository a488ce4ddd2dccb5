package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;

/** The meeting's Documents menu, as the tests use it: an entry fired by its id. */
final class MeetingsDocuments {
  private MeetingsDocuments() {}

  /** Fires the entry {@code id} of the Documents menu (it must be enabled: a meeting open). */
  static void fire(FxRobot robot, String id) {
    MenuButton menu = robot.lookup("#documents").queryAs(MenuButton.class);
    assertThat(menu.isDisabled()).as("the Documents menu is enabled").isFalse();
    MenuItem item =
        menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    robot.interact(item::fire);
  }
}
