package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.Participant;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

/** Reads the Meetings view's participants table from tests of other packages. */
public final class MeetingsViewProbe {
  private MeetingsViewProbe() {}

  /** The candidates on the participants table shown. */
  @SuppressWarnings("unchecked")
  public static List<UUID> invited(FxRobot robot) {
    return robot.lookup("#participants").tryQuery().stream()
        .flatMap(n -> ((TableView<Participant>) n).getItems().stream())
        .map(Participant::candidateId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
