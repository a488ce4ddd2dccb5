package fr.passerelle.sourcing.ui;

import static fr.passerelle.testsupport.OfferFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.Screenshots;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list created from an occupation is no dead end (#19): in the Lists view, at 1366×768 in the
 * real shell, the counselor adds a person by name (↓ then Enter, as a meeting's invite field), is
 * told when someone is on the list already, and picks from "Candidats du métier" — the candidates
 * who look for the list's occupation and are not on it yet. A closed list offers no adding.
 */
@ExtendWith(FxTestExtension.class)
class ListsAddCandidateFxTest {
  @TempDir static Path dir;
  static Services s;
  static UUID list;
  static UUID closedList;
  static UUID bernard;
  static UUID petit;
  static UUID martin;
  static UUID martinez;
  static UUID durand;
  ShellHarness h;
  Stage stage;

  @BeforeAll
  static void data() {
    s =
        TestServices.withOffice(
            dir.resolve("db"), "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL);
    OfferFixtures f = new OfferFixtures(s);
    bernard = f.person("Bernard", "Chloé").rome("N1103", 2).save();
    petit = f.person("Petit", "Inès").rome("N1103", 1).save();
    martin = f.person("Martin", "Léa").rome("N1103", 3).save();
    martinez = f.person("Martinez", "Paul").rome("N1103", 1).save();
    durand = f.person("Durand", "Hugo").rome("K2204", 4).save(); // another occupation
    // as the occupations tab's "Créer une liste" does: no offer, the ROME code, the default owner
    list =
        s.sourcing()
            .create(
                new NewList(
                    "Magasinier / Magasinière",
                    null,
                    "N1103",
                    s.sourcing().defaultOwner().orElse(null),
                    null));
    s.sourcing().add(list, List.of(petit), null);
    closedList = s.sourcing().create(new NewList("Ancienne liste", null, "N1103", null, null));
    s.sourcing().close(closedList, TODAY);
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    h = ShellHarness.showOnALaptop(stage, s);
    // the screen's top left: a screenshot takes it
    stage.setX(0);
    stage.setY(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close(stage);
  }

  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The Lists view shown in the shell, {@code id}'s list selected. */
  private ListsView showList(FxRobot r, UUID id) throws Exception {
    int i = h.features().stream().map(f -> f.id()).toList().indexOf("lists");
    r.interact(() -> h.vm().select(i));
    settle();
    ListsView view = r.lookup(n -> n instanceof ListsView).queryAs(ListsView.class);
    r.interact(() -> view.vm.includeClosed().set(true));
    waitUntil(() -> view.lists.getItems().stream().anyMatch(l -> l.id().equals(id)));
    r.interact(
        () ->
            view.lists
                .getItems()
                .forEach(
                    l -> {
                      if (l.id().equals(id)) {
                        view.lists.getSelectionModel().select(l);
                      }
                    }));
    settle();
    return view;
  }

  private static Set<UUID> onTheList() {
    return s.sourcing().entries(list).stream()
        .map(SourcingEntry::candidateId)
        .collect(Collectors.toSet());
  }

  private static Set<UUID> ids(ListView<CandidateHit> hits) {
    return hits.getItems().stream().map(CandidateHit::id).collect(Collectors.toSet());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListFromAnOccupationIsFilledFromItsScreen(FxRobot r) throws Exception {
    assertThat(stage.getScene().getHeight()).isEqualTo(768);
    ListsView view = showList(r, list);
    waitUntil(() -> view.entries.getItems().size() == 1);
    ListView<CandidateHit> hits = r.lookup("#addCandidateHits").queryAs(ListView.class);
    assertThat(hits.isVisible()).as("no suggestions before a name is typed").isFalse();

    // a name typed: visible suggestions, ↓ then Enter adds the first
    r.clickOn("#addCandidate").write("bernard");
    waitUntil(() -> ids(hits).contains(bernard));
    assertThat(hits.isVisible()).isTrue();
    assertThat(hits.getHeight()).as("suggestions tall enough to read").isGreaterThan(100);
    assertThat(hits.localToScene(hits.getBoundsInLocal()).getMaxY())
        .as("inside the window")
        .isLessThanOrEqualTo(hits.getScene().getHeight());
    assertThat(hits.getItems().get(0).lastName()).isEqualTo("Bernard");
    r.type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(hits.getSelectionModel().getSelectedIndex()).isZero();
    r.type(KeyCode.ENTER);
    waitUntil(
        () ->
            view.entries.getItems().stream().anyMatch(e -> e.candidateId().equals(bernard))
                && view.entries.getSelectionModel().getSelectedItem() != null);
    assertThat(onTheList()).containsExactlyInAnyOrder(petit, bernard);
    assertThat(view.entries.getSelectionModel().getSelectedItem().candidateId())
        .as("the person added is selected")
        .isEqualTo(bernard);
    assertThat(r.lookup("#addNote").queryAs(Label.class).getText())
        .isEqualTo("BERNARD Chloé ajouté(e) à la liste « Magasinier / Magasinière ».");
    assertThat(r.lookup("#addCandidate").queryAs(TextField.class).getText())
        .as("the field emptied for the next name")
        .isEmpty();

    // someone already on the list is said so, not added twice
    r.clickOn("#addCandidate").write("petit");
    waitUntil(() -> ids(hits).contains(petit));
    r.type(KeyCode.DOWN).type(KeyCode.ENTER);
    settle();
    assertThat(r.lookup("#addNote").queryAs(Label.class).getText())
        .isEqualTo("PETIT Inès est déjà sur cette liste.");
    assertThat(s.sourcing().entries(list)).hasSize(2);
    assertThat(view.entries.getItems()).hasSize(2);

    // "Candidats du métier": exactly the N1103 candidates not on the list yet, keys as above
    r.clickOn("#occupationCandidates");
    waitUntil(() -> hits.isVisible() && hits.getItems().size() == 2);
    assertThat(ids(hits)).containsExactlyInAnyOrder(martin, martinez);
    assertThat(r.lookup("#addNote").queryAs(Label.class).getText())
        .startsWith("2 candidat(s) du métier N1103");
    assertThat(hits.isFocused()).as("the first one highlighted, Enter adds it").isTrue();
    assertThat(hits.getSelectionModel().getSelectedIndex()).isZero();
    assertFits(r, hits);
    Screenshots.ifAsked("lists-add-candidate-1366");
    UUID first = hits.getSelectionModel().getSelectedItem().id();
    r.type(KeyCode.ENTER);
    waitUntil(() -> onTheList().size() == 3);
    assertThat(onTheList()).contains(first);
    waitUntil(() -> hits.getItems().size() == 1);
    assertThat(ids(hits)).as("the others stay offered").doesNotContain(first).hasSize(1);
    waitUntil(
        () ->
            view.entries.getSelectionModel().getSelectedItem() != null
                && view.entries.getSelectionModel().getSelectedItem().candidateId().equals(first));
    assertThat(onTheList()).doesNotContain(durand);
  }

  /** The suggestions open, the entries table still gets most of the right side's height. */
  private static void assertFits(FxRobot r, ListView<CandidateHit> hits) throws Exception {
    ListsView view = r.lookup(n -> n instanceof ListsView).queryAs(ListsView.class);
    Bounds table = view.entries.localToScene(view.entries.getBoundsInLocal());
    Bounds suggestions = hits.localToScene(hits.getBoundsInLocal());
    double sceneHeight = hits.getScene().getHeight();
    assertThat(suggestions.getMaxY())
        .as("suggestions inside the window")
        .isLessThanOrEqualTo(sceneHeight);
    assertThat(table.getMaxY()).as("entries inside the window").isLessThanOrEqualTo(sceneHeight);
    assertThat(table.getHeight()).as("entries table rows still shown").isGreaterThan(150);
    for (Node n : view.lookupAll(".button")) {
      Bounds b = n.localToScene(n.getBoundsInLocal());
      if (n.isVisible()) {
        assertThat(b.getMaxX()).as(n + " not cut").isLessThanOrEqualTo(hits.getScene().getWidth());
        assertThat(b.getMaxY()).as(n + " not cut").isLessThanOrEqualTo(sceneHeight);
      }
    }
  }

  @Test
  void aClosedListOffersNoAdding(FxRobot r) throws Exception {
    ListsView view = showList(r, closedList);
    waitUntil(() -> view.vm.selected().get() != null);
    assertThat(r.lookup("#addRow").query().isVisible()).isFalse();
    assertThat(r.lookup("#addClosed").queryAs(Label.class).isVisible()).isTrue();
    assertThat(r.lookup("#addClosed").queryAs(Label.class).getText())
        .isEqualTo("Liste clôturée : on n'y ajoute plus de candidat.");
  }
}
