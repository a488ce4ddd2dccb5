package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.ui.CandidatesView;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Tables as in Excel (issue 19, item 3): the column menu shows, a column hidden stays hidden the
 * next time the table is built on this workstation, and one table's choice leaves the others'.
 */
@ExtendWith(FxTestExtension.class)
class ColumnChoicesFxTest {
  @TempDir Path dir;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(), 800, 600));
    stage.show();
  }

  private static TableView<String> table(String... columns) {
    TableView<String> t = new TableView<>();
    for (String c : columns) {
      TableColumn<String, String> col = new TableColumn<>(c);
      col.setId(c);
      t.getColumns().add(col);
    }
    return t;
  }

  private static List<String> shown(TableView<?> t) {
    return t.getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getId).toList();
  }

  @Test
  void aHiddenColumnStaysHiddenTableByTable(FxRobot robot) {
    ColumnChoices choices = new ColumnChoices(dir);
    TableView<String> offers = table("signal", "title", "employer", "commune");
    TableView<String> candidates = table("name", "birth", "commune");
    robot.interact(
        () -> {
          choices.remember(offers, "offers");
          choices.remember(candidates, "candidates");
          offers.getColumns().get(2).setVisible(false);
          candidates.getColumns().get(1).setVisible(false);
          candidates.getColumns().get(1).setVisible(true);
          candidates.getColumns().get(2).setVisible(false);
        });
    assertThat(offers.isTableMenuButtonVisible()).isTrue();

    TableView<String> offersAgain = table("signal", "title", "employer", "commune");
    TableView<String> candidatesAgain = table("name", "birth", "commune");
    robot.interact(
        () -> {
          new ColumnChoices(dir).remember(offersAgain, "offers");
          new ColumnChoices(dir).remember(candidatesAgain, "candidates");
        });
    assertThat(shown(offersAgain)).containsExactly("signal", "title", "commune");
    assertThat(shown(candidatesAgain)).containsExactly("name", "birth");
  }

  @Test
  void columnsHiddenAtFirstShowOnceChosenAndColumnsWithoutIdAreKept(FxRobot robot) {
    TableView<String> lists = table("name", "phone", "added", "score");
    lists.getColumns().add(new TableColumn<String, String>("sans id"));
    robot.interact(() -> new ColumnChoices(dir).remember(lists, "lists", Set.of("added", "score")));
    assertThat(shown(lists)).containsExactly("name", "phone", null);

    robot.interact(() -> lists.getColumns().get(2).setVisible(true)); // "added" chosen
    TableView<String> again = table("name", "phone", "added", "score");
    robot.interact(() -> new ColumnChoices(dir).remember(again, "lists", Set.of("added", "score")));
    assertThat(shown(again)).containsExactly("name", "phone", "added");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCandidatesTableRemembersItsColumns(FxRobot robot) throws Exception {
    Services s = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    FxTaskRunner tasks = new FxTaskRunner();
    try {
      UiContext ctx = new UiContext(s, tasks, new Messages(Messages.FRENCH));
      CandidatesView[] views = new CandidatesView[2];
      robot.interact(
          () -> {
            views[0] = new CandidatesView(ctx);
            stage.setScene(new Scene(views[0], 1366, 768));
          });
      TableView<?> table = tableOf(views[0]);
      assertThat(table.isTableMenuButtonVisible()).isTrue();
      robot.interact(() -> table.getColumns().get(1).setVisible(false)); // "Né(e) le"
      robot.interact(
          () -> {
            views[1] = new CandidatesView(ctx);
            stage.setScene(new Scene(views[1], 1366, 768));
          });
      TableView<?> again = tableOf(views[1]);
      assertThat(again.getColumns().get(1).isVisible()).isFalse();
      assertThat(again.getColumns().get(0).isVisible()).isTrue();
    } finally {
      tasks.close();
      s.close();
    }
  }

  private static TableView<?> tableOf(CandidatesView v) {
    return (TableView<?>) v.lookup(".table-view");
  }
}
