package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingFilter;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.Partner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "meetings",
    description = "Meetings: list them, show one with its participants.",
    subcommands = {MeetingsCommand.ListMeetings.class, MeetingsCommand.Show.class})
final class MeetingsCommand {

  @Command(name = "list", description = "Every meeting, by start time, with its figures.")
  static final class ListMeetings extends ServiceCommand {
    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      List<MeetingSummary> all = services.meetings().list(MeetingFilter.all());
      if (json) {
        Json.print(out(), all.stream().map(s -> summary(s.meeting(), s.counts())).toList());
      } else if (all.isEmpty()) {
        out().println("No meeting yet.");
      } else {
        for (MeetingSummary s : all) {
          Meeting m = s.meeting();
          out()
              .printf(
                  "%s  %s %s  %-10s %-18s %s  (%d invited, %d confirmed, %d present)%n",
                  m.id(),
                  m.startsAt().toLocalDate(),
                  m.startsAt().toLocalTime(),
                  m.status(),
                  m.kind(),
                  m.title(),
                  s.counts().invited(),
                  s.counts().confirmed(),
                  s.counts().present());
        }
      }
      return 0;
    }
  }

  @Command(name = "show", description = "One meeting and its participants.")
  static final class Show extends ServiceCommand {
    @Parameters(index = "0", paramLabel = "MEETING_ID")
    String meetingId;

    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      UUID id = MeetingIds.parse(meetingId);
      Meeting m = services.meetings().get(id);
      List<Participant> people = services.participants().participants(id);
      MeetingCounts counts = MeetingCounts.of(people);
      if (json) {
        Map<String, Object> doc = summary(m, counts);
        doc.put(
            "participants",
            people.stream()
                .map(
                    p -> {
                      Map<String, Object> row = new LinkedHashMap<>();
                      row.put("id", p.id());
                      row.put("candidateId", p.candidateId());
                      row.put("lastName", p.lastName());
                      row.put("firstName", p.firstName());
                      row.put("organisation", p.organisation());
                      row.put("role", p.role());
                      row.put("status", p.status());
                      row.put("invitedAt", p.invitedAt() == null ? null : p.invitedAt().toString());
                      return row;
                    })
                .toList());
        Json.print(out(), doc);
        return 0;
      }
      out().printf("%s  %s%n", m.title(), m.id());
      out().printf("kind      %s%n", m.kind());
      out().printf("status    %s%n", m.status());
      out().printf("when      %s – %s%n", m.startsAt(), m.endsAt());
      out().printf("place     %s%s%n", nz(m.place()), m.room() == null ? "" : ", " + m.room());
      out().printf("capacity  %s%n", m.capacity() == null ? "unlimited" : m.capacity());
      out()
          .printf(
              "figures   %d invited, %d confirmed, %d waitlisted, %d present, %d absent, %d"
                  + " excused%s%n",
              counts.invited(),
              counts.confirmed(),
              counts.waitlisted(),
              counts.present(),
              counts.absent(),
              counts.excused(),
              counts.noShowRate().isPresent()
                  ? String.format(", no-show %.1f %%", counts.noShowRate().getAsDouble() * 100)
                  : "");
      out().printf("participants (%d)%n", people.size());
      for (Participant p : people) {
        out()
            .printf(
                "  %-10s %-9s %s%s%n",
                p.status(),
                p.role(),
                p.printedName(),
                p.organisation() == null ? "" : " (" + p.organisation() + ")");
      }
      return 0;
    }
  }

  static Map<String, Object> summary(Meeting m, MeetingCounts c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", m.id());
    doc.put("kind", m.kind());
    doc.put("title", m.title());
    doc.put("status", m.status());
    doc.put("startsAt", m.startsAt().toString());
    doc.put("endsAt", m.endsAt().toString());
    doc.put("place", m.place());
    doc.put("room", m.room());
    doc.put("remoteLink", m.remoteLink());
    doc.put("capacity", m.capacity());
    doc.put("romeCode", m.romeCode());
    doc.put("officeId", m.officeId());
    doc.put("coOfficeId", m.coOfficeId());
    doc.put("partners", m.partners().stream().map(Partner::displayName).toList());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("invited", c.invited());
    counts.put("confirmed", c.confirmed());
    counts.put("waitlisted", c.waitlisted());
    counts.put("present", c.present());
    counts.put("absent", c.absent());
    counts.put("excused", c.excused());
    counts.put("noShowRate", c.noShowRate().isPresent() ? c.noShowRate().getAsDouble() : null);
    doc.put("counts", counts);
    return doc;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
