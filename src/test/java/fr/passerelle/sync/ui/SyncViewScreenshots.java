package fr.passerelle.sync.ui;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.CandidateConsentRecord;
import fr.passerelle.db.jooq.tables.records.CandidateCriterionRecord;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.db.jooq.tables.records.EmployerRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Syncs three installations (two France Travail agencies, one temp agency) and shows the Sync view
 * of the first, taking the screenshots of docs/screenshots. Run under Xvfb: {@code xvfb-run -a -s
 * '-screen 0 1600x1000x24' java -cp ... fr.passerelle.sync.ui.SyncViewScreenshots OUTDIR}.
 */
public final class SyncViewScreenshots extends Application {
  private static Path out;
  private static Services a;
  private static Path conflictFile;
  private static Path reportFile;

  public static void main(String[] args) throws Exception {
    out = Path.of(args[0]);
    Path root = Files.createTempDirectory("passerelle-sync-look");
    a = fr.passerelle.testsupport.TestServices.open(root.resolve("toulouse"));
    a.offices().init("Agence France Travail Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Services b = fr.passerelle.testsupport.TestServices.open(root.resolve("montpellier"));
    b.offices()
        .init("Agence France Travail Montpellier Pompignane", OfficeKind.FRANCE_TRAVAIL, null);
    Services t = fr.passerelle.testsupport.TestServices.open(root.resolve("interim"));
    t.offices()
        .init("Intérim Occitanie Toulouse Centre", OfficeKind.TEMP_AGENCY, "Intérim Occitanie");
    List<Services> all = List.of(a, b, t);
    for (Services x : all) {
      for (Services y : all) {
        if (x != y) {
          x.sync().peers().trust(y.sync().identity().card());
        }
      }
    }
    String[] names = {
      "Martin",
      "Bernard",
      "Dubois",
      "Thomas",
      "Robert",
      "Richard",
      "Petit",
      "Durand",
      "Leroy",
      "Moreau",
      "Simon",
      "Laurent",
      "Lefebvre",
      "Michel",
      "Garcia",
      "David",
      "Bertrand",
      "Roux",
      "Vincent",
      "Fournier"
    };
    List<UUID> cands = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      UUID c = candidate(a, names[i], i % 3 != 0, i % 5 == 0);
      cands.add(c);
      if (i % 4 == 0) {
        criterion(a, c, "RQTH");
      }
      criterion(a, c, i % 2 == 0 ? "DELD" : "QPV");
    }
    for (int i = 0; i < 6; i++) {
      candidate(b, "Candidat Montpellier " + (i + 1), true, false);
    }
    employer(t, "Boulangerie Occitane");
    employer(t, "Transports du Midi");
    Path files = Files.createDirectories(root.resolve("files"));
    exchange(a, b, files);
    exchange(a, t, files);
    exchange(t, a, files);
    exchange(b, a, files);
    exchange(a, b, files);
    // both agencies edit the same candidate before the next exchange: a conflict
    rename(a, cands.get(1), "Bernard-Lafont", "06 12 34 56 78");
    rename(b, cands.get(1), "Bernard", "07 98 76 54 32");
    conflictFile = export(b, a, files, "montpellier-vers-toulouse.passerelle");
    forge(t, cands.get(3), cands.get(6));
    reportFile = export(t, a, files, "interim-vers-toulouse.passerelle");
    // the temp agency has a newer file waiting: its last exchange shows an age
    t.close();
    b.close();
    launch(SyncViewScreenshots.class);
  }

  /**
   * The temp agency's installation is an old version without the guards: it claims a France Travail
   * candidate it was never sent as its own (consent, new name) and deletes another; the agency's
   * file carries these rows, refused at Toulouse ("Lignes refusées").
   */
  private static void forge(Services t, UUID claimed, UUID deleted) {
    ReplicatedWriter raw = new ReplicatedWriter(t.clock());
    t.db()
        .dsl()
        .transaction(
            cfg -> {
              var tx = cfg.dsl();
              CandidateConsentRecord k =
                  tx.selectFrom(CANDIDATE_CONSENT)
                      .where(CANDIDATE_CONSENT.ID.eq(claimed))
                      .fetchOne(); // consents always travel: it holds the refusal to share
              k.setShare(true);
              raw.update(tx, k);
              CandidateRecord c = tx.newRecord(CANDIDATE);
              c.setId(claimed);
              c.setLastName("PIRATE");
              raw.insert(tx, c);
              CandidateRecord d = tx.newRecord(CANDIDATE);
              d.setId(deleted);
              raw.insert(tx, d);
              raw.delete(tx, CANDIDATE, deleted);
            });
  }

  private static UUID replica(Services s) {
    return ReplicatedWriter.currentReplica(s.db().dsl()).getId();
  }

  private static Path export(Services from, Services to, Path dir, String name) {
    return from.sync()
        .exporter()
        .exportTo(replica(to), dir.resolve(name), false, Progress.NONE)
        .file();
  }

  private static void exchange(Services from, Services to, Path dir) {
    Path f = export(from, to, dir, UUID.randomUUID() + ".passerelle");
    to.sync().importer().importFile(f, Progress.NONE);
  }

  private static UUID candidate(Services s, String name, boolean share, boolean sensitive) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
              c.setLastName(name);
              c.setFirstName("Camille");
              c.setOfficeId(s.offices().current().orElseThrow().id());
              c.setPhone("06 00 00 00 00");
              s.writer().insert(cfg.dsl(), c);
              CandidateConsentRecord k = cfg.dsl().newRecord(CANDIDATE_CONSENT);
              k.setId(c.getId());
              k.setCandidateId(c.getId());
              k.setShare(share);
              k.setSensitive(sensitive);
              s.writer().insert(cfg.dsl(), k);
              return c.getId();
            });
  }

  private static void criterion(Services s, UUID c, String crit) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              CandidateCriterionRecord r = cfg.dsl().newRecord(CANDIDATE_CRITERION);
              r.setCandidateId(c);
              r.setCriterion(crit);
              s.writer().insert(cfg.dsl(), r);
            });
  }

  private static void employer(Services s, String name) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              EmployerRecord r = cfg.dsl().newRecord(EMPLOYER);
              r.setName(name);
              s.writer().insert(cfg.dsl(), r);
            });
  }

  private static void rename(Services s, UUID id, String name, String phone) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              CandidateRecord c =
                  cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(id)).fetchSingle();
              c.setLastName(name);
              c.setPhone(phone);
              s.writer().update(cfg.dsl(), c);
            });
  }

  @Override
  public void start(Stage stage) throws Exception {
    FxTaskRunner tasks = new FxTaskRunner();
    SyncView view = new SyncView(new UiContext(a, tasks, new Messages(Messages.FRENCH)));
    // -Dshots.size=1228x688: the view as the shell gives it at 1366×768
    String[] size = System.getProperty("shots.size", "1500x950").split("x");
    Scene scene =
        new Scene(
            (javafx.scene.Parent) view.build(),
            Double.parseDouble(size[0]),
            Double.parseDouble(size[1]));
    scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    stage.setScene(scene);
    stage.setTitle("Passerelle — Synchronisation");
    stage.show();
    Files.createDirectories(out);
    Thread script =
        new Thread(
            () -> {
              try {
                pause(4000);
                fx(() -> view.viewModel().computeDigest());
                pause(2500);
                shot(scene, "sync-peers.png");
                fx(() -> view.viewModel().importFile(reportFile));
                pause(4000);
                fx(() -> view.viewModel().importFile(conflictFile));
                pause(4000);
                shot(scene, "sync-report.png");
                fx(
                    () ->
                        ((javafx.scene.control.TabPane) scene.lookup(".tab-pane"))
                            .getSelectionModel()
                            .select(1));
                pause(1500);
                shot(scene, "sync-refused.png");
                fx( // the conflicts' tab: its first conflict open
                    () ->
                        ((javafx.scene.control.TabPane) scene.lookup(".tab-pane"))
                            .getSelectionModel()
                            .select(2));
                pause(2000);
                shot(scene, "sync-conflict.png");
                Runtime.getRuntime()
                    .exec(
                        new String[] {
                          "import", "-window", "root", out.resolve("sync-xvfb-root.png").toString()
                        })
                    .waitFor();
              } catch (Exception e) {
                e.printStackTrace();
              } finally {
                Platform.runLater(
                    () -> {
                      a.close();
                      Platform.exit();
                    });
              }
            });
    script.setDaemon(true);
    script.start();
  }

  private static void pause(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }

  private static void fx(Runnable r) throws InterruptedException {
    java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
    Platform.runLater(
        () -> {
          r.run();
          l.countDown();
        });
    l.await();
  }

  private static void shot(Scene scene, String name) throws Exception {
    java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            ImageIO.write(
                SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                "png",
                out.resolve(name.replace(".png", System.getProperty("shots.suffix", "") + ".png"))
                    .toFile());
          } catch (Exception e) {
            e.printStackTrace();
          }
          l.countDown();
        });
    l.await();
  }
}
