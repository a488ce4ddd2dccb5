package fr.passerelle.meetings.ui;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.meetings.Partner;
import fr.passerelle.meetings.PartnerKind;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * For a human look (not a test): builds a data folder with this week's meetings, shows the view and
 * writes PNG snapshots of the calendar and of the attendance mode. Run with the test class path:
 * {@code java ... fr.passerelle.meetings.ui.MeetingsScreenshots OUT_DIR}.
 */
public final class MeetingsScreenshots extends Application {
  private static Path out;

  public static void main(String[] args) {
    out = Path.of(args[0]);
    java.util.Locale.setDefault(java.util.Locale.FRANCE);
    launch(args);
  }

  @Override
  public void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("meetings-shots");
    Services services = fr.passerelle.testsupport.TestServices.open(dir);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    UUID office = services.offices().current().orElseThrow().id();
    MeetingFixture f = new MeetingFixture(services);
    List<UUID> people = f.candidates(60);
    f.sourcingList("Préparateurs de commandes — Fenouillet", people.subList(0, 30));
    MeetingService ms = services.meetings();
    ParticipantService ps = services.participants();
    LocalDate monday = LocalDate.now().with(DayOfWeek.MONDAY);
    LocalDateTime base = ms.now().plusHours(1).withMinute(0).withSecond(0).withNano(0);
    fr.passerelle.testsupport.OfferFixtures offers =
        new fr.passerelle.testsupport.OfferFixtures(services);
    UUID offer =
        offers.offer(
            "Préparateur de commandes CACES 1", "N1103", "31186", LocalDate.now().minusWeeks(3));
    offers.offer("Préparateur de commandes nuit", "N1103", "31555", LocalDate.now().minusWeeks(1));
    Meeting next =
        ms.create(
            draft(
                    office,
                    MeetingKind.INFO_COLLECTIVE,
                    "Info coll préparateurs de commandes",
                    base.plusDays(1).withHour(9).withMinute(30),
                    150,
                    25,
                    "Garonne")
                .withFocus("N1103", offer));
    ps.inviteCandidates(next.id(), people.subList(0, 30));
    ps.addExternal(next.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto Occitanie");
    int i = 0;
    for (Participant p : ps.participants(next.id())) {
      if (i++ % 3 == 0 && p.status() == ParticipantStatus.INVITED) {
        ps.setStatus(p.id(), ParticipantStatus.CONFIRMED);
      }
    }
    String[][] week = {
      {"JOB_DATING", "Job dating logistique", "2", "14", "180"},
      {"NETWORK_INFO", "Réunion inter-réseaux Akto / FASTT", "3", "9", "120"},
      {"MRS", "MRS agents de propreté", "4", "14", "150"},
      {"DISCOVERY_WORKSHOP", "Atelier découverte BTP", "5", "9", "180"},
      {"TRAINING_INFO", "Info POEI soudeurs", "3", "14", "90"},
    };
    for (String[] w : week) {
      LocalDateTime start =
          monday
              .plusWeeks(1)
              .plusDays(Integer.parseInt(w[2]) - 1)
              .atTime(Integer.parseInt(w[3]), 0);
      Meeting m =
          ms.create(
              draft(
                  office,
                  MeetingKind.valueOf(w[0]),
                  w[1],
                  start,
                  Integer.parseInt(w[4]),
                  20,
                  "Canal"));
      ps.inviteCandidates(m.id(), people.subList(30, 45));
    }
    FxTaskRunner tasks = new FxTaskRunner();
    MeetingsViewModel vm =
        new MeetingsViewModel(new UiContext(services, tasks, new Messages(Messages.FRENCH)));
    MeetingsView view =
        new MeetingsView(
            vm,
            new MeetingDialogs() {
              @Override
              public Optional<Path> saveFile(javafx.stage.Window o, String t, String n, String e) {
                return Optional.empty();
              }

              @Override
              public boolean confirm(javafx.stage.Window o, String t, String x, String ok) {
                return false;
              }
            });
    Scene scene = new Scene((javafx.scene.Parent) view.root(), 1600, 1000);
    stage.setScene(scene);
    stage.show();
    view.calendar.setDate(next.startsAt().toLocalDate());
    vm.refresh();
    vm.open(next.id());
    Files.createDirectories(out);
    later(
        6000,
        () -> {
          shot(scene, "meetings-calendar.png");
          view.tabs.getSelectionModel().select(1);
          view.participants.attendance.setSelected(true);
          later(
              3000,
              () -> {
                shot(scene, "meetings-attendance.png");
                Platform.exit();
                System.exit(0);
              });
        });
  }

  private static MeetingDraft draft(
      UUID office,
      MeetingKind kind,
      String title,
      LocalDateTime start,
      int minutes,
      int cap,
      String room) {
    return new MeetingDraft(
        office,
        null,
        kind,
        title,
        start,
        start.plusMinutes(minutes),
        "Agence Toulouse Matabiau, 12 rue Bayard",
        room,
        null,
        cap,
        "N1103",
        null,
        null,
        List.of(new Partner(PartnerKind.AKTO, null), new Partner(PartnerKind.FASTT, null)));
  }

  private static void later(long ms, Runnable r) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(ms);
              } catch (InterruptedException e) {
                return;
              }
              Platform.runLater(r);
            });
    t.setDaemon(true);
    t.start();
  }

  private static void shot(Scene scene, String name) {
    try {
      ImageIO.write(
          SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.resolve(name).toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
