package fr.passerelle.sync.ui;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sync.IdentityCard;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trusting a partner office in the window (#19 item 7), in the real shell at 1366×768: this
 * office's card shown and saved, the partner's card opened, its fingerprint shown whole and
 * compared before the trust, the trust checked and audited by the service, "Préparer un fichier…"
 * disabled with its reason until a partner exists, and no internal identifier on screen.
 */
@ExtendWith(FxTestExtension.class)
class SyncTrustFxTest {
  @TempDir Path dir;
  Services here;
  Services partner;
  ShellHarness h;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void open(FxRobot r, Services s) throws Exception {
    here = s;
    r.interact(
        () -> {
          h = ShellHarness.show(stage, s, f -> f);
          stage.setWidth(1366);
          stage.setHeight(768);
        });
    r.interact(() -> h.vm().select(h.features().indexOf(sync())));
    waitUntil(() -> r.lookup("#sync-view").tryQuery().isPresent());
    settle();
  }

  private SyncView sync() {
    return (SyncView)
        h.features().stream().filter(f -> f.id().equals("sync")).findFirst().orElseThrow();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (h != null) {
      h.tasks().close();
    }
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1280);
              stage.setHeight(800);
            })
        .get(60, TimeUnit.SECONDS);
    for (Services s : new Services[] {here, partner}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private Services office(String name, String dirName) {
    return TestServices.withOffice(dir.resolve(dirName), name, OfficeKind.FRANCE_TRAVAIL);
  }

  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }

  /** The blocks shown under {@code prefix}, as the label holds them and as they are drawn. */
  private static List<String> blocks(FxRobot r, String prefix, boolean drawn) throws Exception {
    return onFx(
        () -> {
          List<String> found = new ArrayList<>();
          for (int i = 1; ; i++) {
            var l = r.lookup("#" + prefix + "-block-" + i).tryQueryAs(Label.class);
            if (l.isEmpty()) {
              return found;
            }
            found.add(drawn ? ((Text) l.get().lookup(".text")).getText() : l.get().getText());
          }
        });
  }

  /** Every text the window draws now (labels, buttons, table cells, headers). */
  private List<String> textsShown() throws Exception {
    return onFx(
        () -> {
          List<String> texts = new ArrayList<>();
          collect(stage.getScene().getRoot(), texts);
          return texts;
        });
  }

  private static void collect(Node n, List<String> texts) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Text t && t.getText() != null) {
      texts.add(t.getText());
    }
    if (n instanceof Labeled l && l.getText() != null) {
      texts.add(l.getText());
    }
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
    }
  }

  private Path partnerCard() throws Exception {
    partner = office("Agence France Travail Montpellier Pompignane", "partner");
    Path card = dir.resolve("carte-montpellier.json");
    partner.sync().peers().writeOwnCard(card);
    return card;
  }

  private static DialogPane trustDialog(FxRobot r) throws Exception {
    waitUntil(() -> r.lookup("#trust-dialog").tryQuery().isPresent());
    return r.lookup("#trust-dialog").queryAs(DialogPane.class);
  }

  private static String defaultButton(DialogPane pane) {
    return pane.getButtonTypes().stream()
        .map(pane::lookupButton)
        .map(Button.class::cast)
        .filter(Button::isDefaultButton)
        .map(Button::getText)
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }

  private long audited(Services s, String action) {
    return s.db().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(action));
  }

  @Test
  void aNewOfficeShowsItsCardWholeAndCannotPrepareAFileUntilItHasAPartner(FxRobot r)
      throws Exception {
    open(r, office("Agence France Travail Toulouse Matabiau", "here"));
    IdentityCard own = here.sync().identity().card();
    List<String> expected = List.of(own.fingerprint().split(" "));
    assertThat(expected).hasSize(8);
    assertThat(blocks(r, "sync-own-fingerprint", false)).isEqualTo(expected);
    assertThat(blocks(r, "sync-own-fingerprint", true)).as("drawn whole").isEqualTo(expected);
    assertThat(r.lookup("#sync-identity").queryAs(Label.class).getText())
        .contains("Agence France Travail Toulouse Matabiau", "France Travail");

    Button prepare = r.lookup("#sync-prepare").queryAs(Button.class);
    assertThat(prepare.isDisabled()).as("no partner: nothing to prepare").isTrue();
    Label reason = r.lookup("#sync-prepare-reason").queryAs(Label.class);
    assertThat(reason.isVisible()).isTrue();
    assertThat(reason.getText()).contains("faites d’abord confiance à un partenaire");

    Path saved = dir.resolve("ma-carte.json");
    r.interact(() -> sync().cardTarget = w -> saved);
    r.clickOn("#sync-export-card");
    settle();
    IdentityCard written = IdentityCard.parse(Files.readString(saved, StandardCharsets.UTF_8));
    assertThat(written.fingerprint()).isEqualTo(own.fingerprint());
    assertThat(sync().viewModel().message().get()).startsWith("Carte enregistrée : ma-carte.json");

    List<String> texts = textsShown();
    assertThat(texts)
        .as("no replica id, no checkpoint numbers")
        .noneMatch(t -> t.contains(own.replicaId().toString()))
        .noneMatch(t -> t.contains("Accusé"));
  }

  @Test
  void trustingAPartnerShowsItsFingerprintWholeAndAsksToCompareItFirst(FxRobot r) throws Exception {
    Path card = partnerCard();
    IdentityCard theirs = partner.sync().identity().card();
    open(r, office("Agence France Travail Toulouse Matabiau", "here"));
    r.interact(() -> sync().cardSource = w -> card);
    r.clickOn("#sync-trust");
    DialogPane pane = trustDialog(r);
    assertThat(r.lookup("#trust-office").queryAs(Label.class).getText())
        .isEqualTo("Agence France Travail Montpellier Pompignane");
    assertThat(r.lookup("#trust-organisation").queryAs(Label.class).getText())
        .isEqualTo("France Travail");
    assertThat(r.lookup("#trust-kind").queryAs(Label.class).getText())
        .isEqualTo("Agence France Travail");
    List<String> expected = List.of(theirs.fingerprint().split(" "));
    assertThat(blocks(r, "trust-fingerprint", true)).as("drawn whole").isEqualTo(expected);
    Bounds shown = onFx(() -> pane.localToScreen(pane.getBoundsInLocal()));
    assertThat(shown.getHeight()).as("the dialog fits a 768-pixel screen").isLessThan(700);
    assertThat(shown.getWidth()).isLessThan(1300);
    Button trust = r.lookup("#trust-confirm").queryAs(Button.class);
    assertThat(trust.isDisabled()).as("compare first").isTrue();
    assertThat(defaultButton(pane)).as("Enter does not trust").isEqualTo("Annuler");

    r.interact(() -> r.lookup("#trust-same").queryAs(CheckBox.class).setSelected(true));
    assertThat(trust.isDisabled()).isFalse();
    r.interact(trust::fire);
    TableView<?> peers = r.lookup("#sync-peers").queryAs(TableView.class);
    waitUntil(() -> peers.getItems().size() == 1);
    settle();
    assertThat(here.sync().peers().active())
        .singleElement()
        .matches(p -> p.fingerprint().equals(theirs.fingerprint()));
    assertThat(audited(here, "SYNC_TRUSTED")).as("audited as the CLI's trust").isEqualTo(1);
    assertThat(sync().viewModel().message().get())
        .isEqualTo(
            "Vous faites confiance à Agence France Travail Montpellier Pompignane (France"
                + " Travail) : vous pouvez lui préparer des fichiers et importer les siens.");
    assertThat(r.lookup("#sync-prepare").queryAs(Button.class).isDisabled()).isFalse();
    assertThat(r.lookup("#sync-prepare-reason").queryAs(Label.class).isVisible()).isFalse();
    List<String> texts = textsShown();
    assertThat(texts)
        .as("the partner's fingerprint whole in its row, no replica id")
        .contains(theirs.fingerprint())
        .noneMatch(t -> t.contains(theirs.replicaId().toString()));
  }

  @Test
  void fingerprintsThatDifferTrustNothingAndSaySoInFrench(FxRobot r) throws Exception {
    Path card = partnerCard();
    open(r, office("Agence France Travail Toulouse Matabiau", "here"));
    r.interact(() -> sync().cardSource = w -> card);
    r.clickOn("#sync-trust");
    trustDialog(r);
    r.interact(() -> r.lookup("#trust-different").queryAs(Button.class).fire());
    waitUntil(() -> r.lookup("#trust-dialog").tryQuery().isEmpty());
    settle();
    assertThat(here.sync().peers().all()).isEmpty();
    assertThat(sync().viewModel().message().get())
        .startsWith("Pas de confiance accordée à Agence France Travail Montpellier Pompignane");
    assertThat(sync().viewModel().error().get()).isTrue();
  }

  @Test
  void aFileThatIsNotACardIsRefusedInFrenchWithoutAQuestion(FxRobot r) throws Exception {
    Path notACard = Files.writeString(dir.resolve("photo.json"), "{\"hello\": 1}");
    open(r, office("Agence France Travail Toulouse Matabiau", "here"));
    r.interact(() -> sync().cardSource = w -> notACard);
    r.clickOn("#sync-trust");
    settle();
    assertThat(r.lookup("#trust-dialog").tryQuery()).isEmpty();
    assertThat(sync().viewModel().message().get())
        .isEqualTo("Le fichier photo.json n’est pas une carte d’identité Passerelle.");

    Path own = dir.resolve("own.json");
    here.sync().peers().writeOwnCard(own);
    r.interact(() -> sync().cardSource = w -> own);
    r.clickOn("#sync-trust");
    DialogPane pane = trustDialog(r);
    r.interact(() -> r.lookup("#trust-same").queryAs(CheckBox.class).setSelected(true));
    r.interact(() -> r.lookup("#trust-confirm").queryAs(Button.class).fire());
    settle();
    assertThat(pane.getScene() == null || !pane.getScene().getWindow().isShowing()).isTrue();
    assertThat(sync().viewModel().message().get())
        .isEqualTo(
            "C’est la carte de cette agence-ci : ouvrez celle que le partenaire vous a envoyée.");
  }

  /**
   * A counselor may exchange files but not trust an office: the button says why it is disabled, and
   * the service refuses (and records the attempt) even if the window were to ask.
   */
  @Test
  void aCounselorCannotTrustAndTheServiceRefusesIt(FxRobot r) throws Exception {
    Path card = partnerCard();
    IdentityCard theirs = partner.sync().identity().card();
    Services s = office("Agence France Travail Toulouse Matabiau", "here");
    TestServices.as(s, "cdupont", "COUNSELOR");
    open(r, s);
    assertThat(r.lookup("#sync-trust").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(r.lookup("#sync-trust-reason").queryAs(Label.class).getText())
        .contains("demande la permission « Confiance de synchronisation »");
    long refusedBefore = audited(s, "REFUSED");
    r.interact(() -> sync().viewModel().trust(theirs));
    settle();
    assertThat(s.sync().peers().all()).isEmpty();
    assertThat(sync().viewModel().message().get())
        .startsWith("Action refusée : votre compte n’a pas la permission « Confiance de");
    assertThat(audited(s, "REFUSED")).isEqualTo(refusedBefore + 1);
    assertThat(card).exists();
  }

  /** A file refused on import is said in French, without the ZIP library's English. */
  @Test
  void refusedSyncFilesAreSaidInFrench(FxRobot r) throws Exception {
    partnerCard();
    open(r, office("Agence France Travail Toulouse Matabiau", "here"));
    Path garbage = Files.writeString(dir.resolve("envoi.passerelle"), "pas un zip");
    r.interact(() -> sync().viewModel().importFile(garbage));
    settle();
    assertThat(sync().viewModel().message().get())
        .startsWith(
            "Le fichier envoi.passerelle n’est pas un fichier de synchronisation Passerelle")
        .doesNotContain("zip");

    // a file from an office this one has not trusted yet
    partner.sync().peers().trust(here.sync().identity().card());
    Path fromPartner =
        partner
            .sync()
            .exporter()
            .exportTo(
                here.sync().identity().replicaId(),
                dir.resolve("de-montpellier.passerelle"),
                false,
                fr.passerelle.core.Progress.NONE)
            .file();
    r.interact(() -> sync().viewModel().importFile(fromPartner));
    settle();
    assertThat(sync().viewModel().message().get())
        .isEqualTo(
            "Le fichier "
                + fromPartner.getFileName()
                + " vient de Agence France Travail Montpellier Pompignane (France Travail), qui"
                + " n’est pas un de vos partenaires. Appelez cette agence, faites-lui confiance"
                + " (« Faire confiance à un partenaire… »), puis importez le fichier à nouveau.");
  }
}
