package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line contract on demo data: every subcommand answers {@code --help}, every {@code
 * --json} output parses (dates included), and the document twins of the window write their files.
 */
class CliContractTest {
  @TempDir static Path dir;
  static Path data;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void demo() {
    data = dir.resolve("data");
    Result r = Cli.run(data, "demo", "--candidates", "300", "--seed", "7", "--today", "2026-03-16");
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Every command path of the tree: "candidates import", "sync trust"… */
  static List<List<String>> commands(CommandLine cl, List<String> prefix) {
    List<List<String>> out = new ArrayList<>();
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().aliases().length > 0
                  && !sub.getCommandSpec().name().equals(name)) {
                return;
              }
              List<String> path = new ArrayList<>(prefix);
              path.add(name);
              out.add(path);
              out.addAll(commands(sub, path));
            });
    return out;
  }

  @Test
  void everySubcommandAnswersHelp() {
    List<List<String>> all = commands(new CommandLine(new PasserelleCommand()), List.of());
    assertThat(all.size()).isGreaterThan(25);
    for (List<String> path : all) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Result r = Cli.run(data, args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage: passerelle " + path.get(0));
    }
  }

  private static JsonNode json(String... args) throws Exception {
    Result r = Cli.run(data, args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void everyJsonOutputParsesDatesIncluded() throws Exception {
    JsonNode people = json("candidates", "search", "a", "--limit", "20", "--json");
    assertThat(people.size()).isPositive();
    assertThat(people.findValues("birthDate"))
        .as("birth dates written as ISO dates")
        .anySatisfy(d -> assertThat(d.asText()).matches("\\d{4}-\\d{2}-\\d{2}"));
    assertThat(json("occupations", "search", "cariste", "--json").size()).isPositive();
    JsonNode offers = json("offers", "list", "--json");
    assertThat(offers.toString()).contains("N1");
    String offerId = offers.findValues("id").get(0).asText();
    assertThat(json("offers", "match", offerId, "--json")).isNotNull();
    JsonNode meetings = json("meetings", "list", "--json");
    assertThat(meetings.size()).isPositive();
    assertThat(json("meetings", "show", meetings.get(0).get("id").asText(), "--json")).isNotNull();
    assertThat(json("stats", "--json").get("rows").get("candidate").asInt()).isEqualTo(300);
    assertThat(json("sync", "peers", "--json")).isNotNull();
    assertThat(json("sync", "status", "--json")).isNotNull();
    JsonNode office = json("office", "show", "--json");
    assertThat(office.get("timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(office.get("today").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void convocationsInvitationsCalendarAndReportHaveTheirCommandLineTwins() throws Exception {
    assertThat(
            Cli.run(
                    data,
                    "office",
                    "set",
                    "--address",
                    "12 rue Bayard, 31000 Toulouse",
                    "--phone",
                    "05 61 00 00 00",
                    "--email",
                    "agence@example.fr",
                    "--counselor",
                    "Claire Dupont")
                .code())
        .isZero();
    String meeting;
    try (var services = fr.passerelle.testsupport.TestServices.open(data)) {
      var office = services.offices().current().orElseThrow();
      var m =
          services
              .meetings()
              .create(
                  new fr.passerelle.meetings.MeetingDraft(
                      office.id(),
                      null,
                      fr.passerelle.meetings.MeetingKind.JOB_DATING,
                      "Job dating logistique",
                      services.meetings().now().plusDays(7).withHour(9).withMinute(30),
                      services.meetings().now().plusDays(7).withHour(12).withMinute(0),
                      office.name(),
                      "Salle 2",
                      null,
                      20,
                      null,
                      null,
                      null,
                      List.of()));
      var people =
          services.candidateSearch().search(fr.passerelle.candidates.CandidateQuery.all(), 0, 5);
      services
          .participants()
          .inviteCandidates(
              m.id(), people.stream().map(fr.passerelle.candidates.CandidateSummary::id).toList());
      meeting = m.id().toString();
    }

    Path pdf = dir.resolve("convocations.pdf");
    Result r = Cli.run(data, "convocations", meeting, "--out", pdf.toString());
    assertThat(r.code()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Bonjour ", "Tél. 05 61 00 00 00", "Claire Dupont");
    }

    Path ics = dir.resolve("invitation.ics");
    r = Cli.run(data, "ics", meeting, "--out", ics.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Calendar REQUEST");
    assertThat(Files.readString(ics)).contains("METHOD:REQUEST", "ORGANIZER");

    Path mails = dir.resolve("mails");
    r = Cli.run(data, "invitations", meeting, "--out", mails.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("e-mail(s) written to");

    Path report = dir.resolve("report.pdf");
    r = Cli.run(data, "report", "--period", "2026-01-01..2026-03-31", "--out", report.toString());
    assertThat(r.code()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(report.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("1 janv. 2026 au 31 mars 2026");
    }
    r = Cli.run(data, "report", "--period", "last-quarter", "--out", report.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--period: \"last-quarter\" is not a period");
  }
}
