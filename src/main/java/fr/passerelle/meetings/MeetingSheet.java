package fr.passerelle.meetings;

import java.util.List;

/**
 * What the printed documents show: the meeting, its organising offices, the people expected on the
 * day (sorted by last name) and the candidates to convene with their postal address.
 */
public record MeetingSheet(
    Meeting meeting,
    String officeName,
    String officeAddress,
    List<String> organisers,
    List<Participant> expected,
    List<Recipient> recipients) {

  /** A candidate to send a convocation to. */
  public record Recipient(Participant participant, String address, String postalLine) {}
}
