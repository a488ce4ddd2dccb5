package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardFixture;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.testsupport.ForwardingFeature;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.ActionRequest;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Navigation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
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
 * Typed navigation, in the real shell with every feature: each request a feature can be sent is
 * applied by its target (a view that ignores one fails here, as the Offers view once dropped the
 * dashboard's "France Travail" and "hard to fill" links), and every link of the dashboard reaches a
 * target that applies it.
 */
@ExtendWith(FxTestExtension.class)
class NavigationContractTest {
  static Services s;
  FxTaskRunner tasks;
  ShellView shell;
  ShellViewModel shellVm;
  final Map<Navigation, Boolean> answered = new LinkedHashMap<>();

  /** A feature as the shell sees it, recording what its {@link FeatureView#show} answered. */
  final class Recording extends ForwardingFeature {
    Recording(FeatureView f) {
      super(f);
    }

    /** The contract moves from view to view with forms left open: nothing asks to save. */
    @Override
    public fr.passerelle.ui.UnsavedChanges unsaved() {
      return fr.passerelle.ui.UnsavedChanges.NONE;
    }

    @Override
    public boolean show(Navigation request) {
      boolean applied = f.show(request);
      answered.put(request, applied);
      return applied;
    }
  }

  /** One of each request a feature can be sent. */
  static List<Navigation> examples() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    return List.of(
        new Navigation.OpenCandidate(id),
        new Navigation.OpenOffer(id),
        new Navigation.OpenOccupation("N1103"),
        new Navigation.OffersBySource("FRANCE_TRAVAIL"),
        new Navigation.HardToFillOffers(),
        new Navigation.OpenMeeting(id),
        new Navigation.NewMeeting(ActionRequest.forOccupation("N1103")),
        new Navigation.MeetingsWithStatus("HELD"),
        new Navigation.NewTrainingPath(ActionRequest.forOccupation("N1103")),
        new Navigation.TrainingBoard("IN_TRAINING"),
        new Navigation.ImportSyncFile(Path.of("absent.passerelle")));
  }

  /** Every record type of the sealed hierarchy except {@link Navigation.Show}. */
  static Set<Class<?>> requestTypes(Class<?> c, Set<Class<?>> found) {
    if (c.isRecord()) {
      found.add(c);
    }
    if (c.isSealed()) {
      for (Class<?> sub : c.getPermittedSubclasses()) {
        requestTypes(sub, found);
      }
    }
    return found;
  }

  @BeforeAll
  static void data() throws Exception {
    Path dir = Files.createTempDirectory("navigation-contract");
    s = TestServices.open(dir);
    new DashboardFixture(s).build();
  }

  @Start
  void start(Stage stage) {
    ShellHarness h = ShellHarness.show(stage, s, Recording::new);
    tasks = h.tasks();
    shell = h.shell();
    shellVm = h.vm();
  }

  @AfterEach
  void tearDown() {
    tasks.close();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Test
  void everyRequestTypeHasAnExample() {
    Set<Class<?>> covered = new HashSet<>();
    examples().forEach(r -> covered.add(r.getClass()));
    Set<Class<?>> types = requestTypes(Navigation.class, new HashSet<>());
    types.remove(Navigation.Show.class);
    assertThat(covered).containsExactlyInAnyOrderElementsOf(types);
  }

  @Test
  void everyRequestIsAppliedByItsTarget(FxRobot r) {
    for (Navigation request : examples()) {
      r.interact(() -> shell.open(request));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(shellVm.selectedId())
          .as("%s shows its target", request)
          .isEqualTo(request.target());
      assertThat(answered.get(request)).as("%s applied by %s", request, request.target()).isTrue();
    }
  }

  @Test
  void everyDashboardLinkOpensAViewThatAppliesIt(FxRobot r) throws Exception {
    r.interact(() -> shell.open(new Navigation.Show("dashboard")));
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> r.lookup("#fig-offers-ft-link").tryQuery().isPresent());
    List<String> links = new ArrayList<>();
    r.interact(
        () ->
            r.lookup(
                    n -> n instanceof Hyperlink && n.getId() != null && n.getId().endsWith("-link"))
                .queryAll()
                .forEach(n -> links.add(n.getId())));
    assertThat(links).contains("fig-offers-ft-link", "fig-offers-hard-link", "fig-started-link");
    for (String link : links) {
      r.interact(() -> shell.open(new Navigation.Show("dashboard")));
      WaitForAsyncUtils.waitForFxEvents();
      answered.clear();
      r.interact(() -> r.lookup("#" + link).queryAs(Hyperlink.class).fire());
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(shellVm.selectedId()).as(link).isNotEqualTo("dashboard");
      // a Show request is the shell's own; any other must be applied by its target
      assertThat(answered.values()).as(link + " applied").doesNotContain(false);
    }
    // the France Travail figure: the offers of that origin, the list's own filter set
    r.interact(() -> shell.open(new Navigation.Show("dashboard")));
    WaitForAsyncUtils.waitForFxEvents();
    r.interact(() -> r.lookup("#fig-offers-ft-link").queryAs(Hyperlink.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(r.lookup("#offerSource").queryAs(ComboBox.class).getValue())
        .isEqualTo(OfferSource.FRANCE_TRAVAIL);
  }
}
