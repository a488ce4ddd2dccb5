package fr.passerelle.meetings;

import java.time.ZoneId;
import java.util.List;

/**
 * What the printed documents, the calendar file and the invitation e-mails show: the meeting, the
 * organising office and how to reach it (address, phone, mailbox, the counselor who signs), the
 * people expected on the day (sorted by last name), the candidates to convene with their postal
 * address and e-mail, and the office's time zone the meeting's times are in.
 */
public record MeetingSheet(
    Meeting meeting,
    Office office,
    List<String> organisers,
    List<Participant> expected,
    List<Recipient> recipients,
    ZoneId zone) {

  /** The organising office as documents print it; texts are "" when unknown. */
  public record Office(String name, String address, String phone, String email, String counselor) {
    public Office {
      name = name == null ? "" : name;
      address = address == null ? "" : address;
      phone = phone == null ? "" : phone;
      email = email == null ? "" : email;
      counselor = counselor == null ? "" : counselor;
    }
  }

  /** A candidate to send a convocation to. */
  public record Recipient(
      Participant participant, String address, String postalLine, String email) {
    public Recipient {
      email = email == null ? "" : email.strip();
    }
  }

  public String officeName() {
    return office.name();
  }

  public String officeAddress() {
    return office.address();
  }

  /** This sheet for one recipient only (a letter or an invitation of its own). */
  public MeetingSheet onlyFor(Recipient r) {
    return new MeetingSheet(meeting, office, organisers, expected, List.of(r), zone);
  }
}
