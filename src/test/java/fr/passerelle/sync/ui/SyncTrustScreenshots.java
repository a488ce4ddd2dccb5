package fr.passerelle.sync.ui;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

/**
 * The Sync view of a new office in the real shell at 1366×768, the trust dialog, then the view with
 * its partner: the screenshots of docs/screenshots (whole screen, dialog included). Run under Xvfb:
 * {@code xvfb-run -a -s '-screen 0 1366x768x24' java -cp CP
 * fr.passerelle.sync.ui.SyncTrustScreenshots$Main OUTDIR}.
 */
public final class SyncTrustScreenshots extends Application {
  private static Path out;
  private static Services here;
  private static Path card;

  /** Launcher that does not extend Application (JavaFX on the class path). */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      out = Files.createDirectories(Path.of(args[0]));
      Path root = Files.createTempDirectory("passerelle-trust-look");
      here =
          TestServices.withOffice(
              root.resolve("toulouse"),
              "Agence France Travail Toulouse Matabiau",
              OfficeKind.FRANCE_TRAVAIL);
      Services partner = TestServices.open(root.resolve("interim"));
      partner
          .offices()
          .init("Intérim Occitanie Toulouse Centre", OfficeKind.TEMP_AGENCY, "Intérim Occitanie");
      card = root.resolve("carte-interim-occitanie.json");
      partner.sync().peers().writeOwnCard(card);
      partner.close();
      launch(SyncTrustScreenshots.class);
    }
  }

  @Override
  public void start(Stage stage) {
    ShellHarness h = ShellHarness.show(stage, here, f -> f);
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1366);
    stage.setHeight(768);
    SyncView sync =
        (SyncView)
            h.features().stream().filter(f -> f.id().equals("sync")).findFirst().orElseThrow();
    Thread script =
        new Thread(
            () -> {
              try {
                Thread.sleep(4000);
                fx(() -> h.vm().select(h.features().indexOf(sync)));
                Thread.sleep(4000);
                shoot("sync-trust-none-1366.png");
                fx(() -> sync.cardSource = w -> card);
                Platform.runLater(
                    () ->
                        ((javafx.scene.control.Button) stage.getScene().lookup("#sync-trust"))
                            .fire());
                Thread.sleep(3000);
                shoot("sync-trust-dialog-1366.png");
                Platform.runLater(
                    () -> {
                      for (var w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                        var same = w.getScene().lookup("#trust-same");
                        if (same instanceof CheckBox c) {
                          c.setSelected(true);
                          ((javafx.scene.control.Button) w.getScene().lookup("#trust-confirm"))
                              .fire();
                        }
                      }
                    });
                Thread.sleep(3000);
                shoot("sync-partner-1366.png");
              } catch (Exception e) {
                e.printStackTrace();
              } finally {
                Platform.runLater(
                    () -> {
                      h.tasks().close();
                      here.close();
                      Platform.exit();
                    });
              }
            });
    script.setDaemon(true);
    script.start();
  }

  private static void fx(Runnable r) throws InterruptedException {
    CountDownLatch l = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          r.run();
          l.countDown();
        });
    l.await();
  }

  private static void shoot(String name) throws Exception {
    new ProcessBuilder("import", "-window", "root", out.resolve(name).toString())
        .inheritIO()
        .start()
        .waitFor();
  }
}
