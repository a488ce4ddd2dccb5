package fr.passerelle.meetings.ui;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.meetings.InviteResult;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.meetings.SourcingListRef;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the counselor does to the shown meeting's participants: find candidates, invite them or a
 * sourcing list, add a partner or a guest, set a status, remove someone and put them back. Each
 * change reloads the meeting's participants and figures; a change refused over a colleague's (ADR
 * 0197) reloads them too and says so.
 */
final class ParticipantActions {
  private final ParticipantService participants;
  private final MeetingsTasks work;
  private final Messages messages;
  private final ShownMeeting shown;

  final ObservableList<CandidateHit> candidateHits = FXCollections.observableArrayList();

  /** The number of the last search asked: an answer to an earlier one, come late, is dropped. */
  private long lastSearch;

  ParticipantActions(ParticipantService participants, MeetingsTasks work, ShownMeeting shown) {
    this.participants = participants;
    this.work = work;
    this.messages = work.messages;
    this.shown = shown;
  }

  void searchCandidates(String text) {
    long mine = ++lastSearch;
    work.run(
        "meetings.task.search",
        p -> participants.searchCandidates(text, 20),
        found -> {
          if (mine == lastSearch) {
            candidateHits.setAll(found);
          }
        });
  }

  void inviteCandidate(CandidateHit hit) {
    UUID id = shown.selected.get().id();
    change(p -> participants.inviteCandidates(id, List.of(hit.id())), this::reportInvite);
  }

  void inviteList(SourcingListRef list) {
    UUID id = shown.selected.get().id();
    change(p -> participants.inviteSourcingList(id, list.id()), this::reportInvite);
  }

  void addExternal(ParticipantRole role, String first, String last, String org) {
    UUID id = shown.selected.get().id();
    change(
        p -> participants.addExternal(id, role, first, last, org),
        added -> work.message.set(messages.get("meetings.added", added.printedName())));
  }

  void setStatus(Participant who, ParticipantStatus status) {
    change(
        who,
        p -> participants.setStatus(who.id(), who.version(), status),
        changed ->
            work.message.set(
                messages.get(
                    "meetings.statusSet",
                    changed.printedName(),
                    messages.get("meetings.status." + status.name()))));
  }

  /** Takes {@code who} off the meeting; {@code removed} is told once done (to offer "Annuler"). */
  void remove(Participant who, Consumer<Participant> removed) {
    change(
        who,
        p -> {
          participants.remove(who.id(), who.version());
          return who;
        },
        removed);
  }

  /**
   * "Annuler" after a removal: {@code who} back with their status and rank, or first on the
   * waitlist if their place went to someone meanwhile (said in the message line).
   */
  void restore(Participant who) {
    change(
        p -> participants.restore(who),
        back ->
            work.message.set(
                messages.get(
                    back.status() == who.status()
                        ? "meetings.restored"
                        : "meetings.restored.waitlisted",
                    back.printedName())));
  }

  private void reportInvite(InviteResult r) {
    String text = messages.get("meetings.invited", r.invited(), r.waitlisted());
    if (!r.alreadyInvited().isEmpty()) {
      text += " " + messages.get("meetings.alreadyInvited", String.join(", ", r.alreadyInvited()));
    }
    work.message.set(text);
  }

  /** A write on the selected meeting, then its participants, figures and warnings reloaded. */
  private <T> void change(TaskRunner.Work<T> write, Consumer<T> report) {
    change(null, write, report);
  }

  /**
   * {@link #change(TaskRunner.Work, Consumer)} of participant {@code who}: refused because a
   * colleague changed or removed them since the list showed them (ADR 0197), the list is reloaded
   * all the same and the message line says so instead of {@code report}.
   */
  private <T> void change(Participant who, TaskRunner.Work<T> write, Consumer<T> report) {
    UUID id = shown.selected.get().id();
    work.run(
        "meetings.task.save",
        p -> {
          try {
            T result = write.run(p);
            return new Changed<>(result, shown.detail(id), null);
          } catch (EditConflictException e) {
            if (who == null) {
              throw e;
            }
            MeetingDetail now = shown.detail(id);
            boolean still = now.people().stream().anyMatch(q -> q.id().equals(who.id()));
            String text =
                messages.get(
                    still ? "meetings.conflict.participant" : "meetings.conflict.removed",
                    who.printedName(),
                    e.who().orElseGet(() -> messages.get("meetings.conflict.someone")),
                    java.util.Date.from(e.when()));
            return new Changed<T>(null, now, text);
          }
        },
        c -> {
          shown.show(c.detail());
          if (c.refused() == null) {
            report.accept(c.result());
          } else {
            work.message.set(c.refused());
          }
          shown.countsChanged();
        });
  }

  /** A change's outcome and the meeting read after it; {@code refused}: why nothing was written. */
  private record Changed<T>(T result, MeetingDetail detail, String refused) {}
}
