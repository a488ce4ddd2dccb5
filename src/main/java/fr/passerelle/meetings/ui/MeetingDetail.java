package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.Clash;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.LinkedPath;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the right pane shows of one meeting, read and worded in the background: the meeting, its
 * participants, the warnings (room booked twice, people invited elsewhere) and the training paths
 * started from it ("" when none).
 */
record MeetingDetail(Meeting meeting, List<Participant> people, String warnings, String paths) {

  static MeetingDetail load(
      MeetingService service, ParticipantService participants, Messages messages, UUID id) {
    Meeting m = service.get(id);
    List<String> w = new ArrayList<>();
    for (Clash c : service.roomClashes(id, m.toDraft())) {
      w.add(messages.get("meetings.warn.room", m.room(), c.otherTitle(), when(c)));
    }
    for (Clash c : participants.invitationClashes(id)) {
      w.add(messages.get("meetings.warn.person", c.who(), c.otherTitle(), when(c)));
    }
    return new MeetingDetail(
        m,
        participants.participants(id),
        String.join("\n", w),
        paths(service.trainingPaths(id), messages));
  }

  private static String paths(List<LinkedPath> paths, Messages messages) {
    if (paths.isEmpty()) {
      return "";
    }
    return messages.get(
        "meetings.paths",
        paths.size(),
        paths.stream()
            .map(
                p ->
                    messages.get(
                        "meetings.path",
                        p.candidateName(),
                        p.title(),
                        messages.get("training.status." + p.status())))
            .collect(Collectors.joining(" · ")));
  }

  private static String when(Clash c) {
    return FrenchFormats.date(c.otherStart().toLocalDate())
        + " "
        + FrenchFormats.span(c.otherStart(), c.otherEnd());
  }
}
