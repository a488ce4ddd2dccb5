package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingDocumentsTest;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.printing.Printing;
import fr.passerelle.printing.ui.PrintDialog;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.LogCapture;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.FxTaskRunner;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.awt.print.PrinterIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.print.PrintService;
import javax.print.StreamPrintServiceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Imprimer…" where the computer cannot print: the view says why in French, offers to save the PDF
 * instead and writes it; the failure is in the log with its cause.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsPrintTest {
  private static Path dir;
  private static Services services;
  private static Meeting meeting;
  private final List<String> confirmations = new ArrayList<>();
  private final List<PrintService> printers = new ArrayList<>();
  private Printing.Spooler spooler;
  private FxTaskRunner tasks;
  private MeetingsViewModel vm;
  private Path saved;
  private LogCapture log;

  @BeforeAll
  static void data() throws IOException {
    dir = Files.createTempDirectory("meetings-print");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
    MeetingFixture fixture = new MeetingFixture(services);
    meeting =
        fixture.meeting("Job dating logistique", MeetingFixture.NEXT_MONDAY.atTime(14, 0), 120, 20);
    services.participants().inviteCandidates(meeting.id(), fixture.candidates(5));
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    tasks = new FxTaskRunner();
    Printing printing =
        new Printing(
            new Printing.Printers() {
              @Override
              public List<PrintService> all() {
                return List.copyOf(printers);
              }

              @Override
              public Optional<PrintService> byDefault() {
                return printers.stream().findFirst();
              }
            },
            (p, name, pages, copies) -> spooler.print(p, name, pages, copies));
    vm =
        new MeetingsViewModel(
            new UiContext(services, tasks, new Messages(Messages.FRENCH)), printing);
    MeetingDialogs dialogs =
        new MeetingDialogs() {
          @Override
          public Optional<Path> saveFile(
              javafx.stage.Window owner, String title, String initialName, String ext) {
            saved = dir.resolve(initialName);
            return Optional.of(saved);
          }

          @Override
          public boolean confirm(javafx.stage.Window owner, String title, String text, String ok) {
            confirmations.add(title + " | " + text + " | " + ok);
            return true;
          }

          @Override
          public Optional<PrintDialog.Request<PrintDocument>> askPrint(
              javafx.stage.Window owner,
              Messages m,
              Printing.Choices choices,
              PrintDocument preselected) {
            return Optional.of(
                new PrintDialog.Request<>(
                    PrintDialog.Action.PRINT,
                    PrintDocument.CONVOCATIONS,
                    choices.defaultPrinter().orElseThrow(),
                    1));
          }
        };
    MeetingsView view = new MeetingsView(vm, dialogs);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1260, 790));
    stage.show();
    log = new LogCapture(Printing.class);
  }

  @AfterEach
  void close() {
    tasks.close();
    log.close();
  }

  @Test
  void withoutAnyPrintServiceTheViewSaysSoAndSavesThePdf(FxRobot robot) throws Exception {
    printers.clear();
    openTheMeeting(robot);

    MeetingsDocuments.fire(robot, "printRoster");
    waitUntil(() -> saved != null && Files.exists(saved));

    assertThat(confirmations)
        .singleElement()
        .asString()
        .startsWith("Impression impossible | Aucune imprimante n'est disponible sur ce poste")
        .contains("Enregistrez le document en PDF")
        .endsWith("| Enregistrer le PDF…");
    assertThat(saved.getFileName().toString())
        .startsWith("roster-2026-01-12-job-dating-logistique");
    String text = String.join("\n", MeetingDocumentsTest.pagesOf(Files.readAllBytes(saved)));
    assertThat(text).contains("Feuille d'émargement", "Job dating logistique");
    assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("no print service"));
  }

  @Test
  void aMissingPrintCommandIsNamedAndTheConvocationsSavedInstead(FxRobot robot) throws Exception {
    printers.clear();
    printers.add(
        StreamPrintServiceFactory.lookupStreamPrintServiceFactories(null, "application/postscript")[
            0]
            .getPrintService(new java.io.ByteArrayOutputStream()));
    spooler =
        (p, name, pages, copies) -> {
          throw new PrinterIOException(
              new IOException(
                  "Cannot run program \"/usr/bin/lpr\": error=2, No such file or directory"));
        };
    openTheMeeting(robot);

    MeetingsDocuments.fire(robot, "printRoster");
    waitUntil(() -> saved != null && Files.exists(saved));

    assertThat(confirmations)
        .singleElement()
        .asString()
        .contains("la commande d'impression du système (/usr/bin/lpr) est introuvable")
        .contains("cups-bsd");
    assertThat(saved.getFileName().toString()).startsWith("convocations-");
    assertThat(String.join("\n", MeetingDocumentsTest.pagesOf(Files.readAllBytes(saved))))
        .contains("Objet : convocation", "Job dating logistique");
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.startsWith("WARN Printing \"Convocations — Job dating logistique\"")
                    && l.contains("[java.awt.print.PrinterIOException"));
  }

  private void openTheMeeting(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(meeting.id()));
    waitUntil(() -> vm.selected.get() != null && !vm.participants.isEmpty());
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> {
          WaitForAsyncUtils.waitForFxEvents();
          return condition.getAsBoolean();
        });
  }
}
