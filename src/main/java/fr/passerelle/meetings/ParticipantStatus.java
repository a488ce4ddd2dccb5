package fr.passerelle.meetings;

/** Where a participant stands. INVITED, CONFIRMED, PRESENT and ABSENT hold a place. */
public enum ParticipantStatus {
  INVITED,
  CONFIRMED,
  WAITLISTED,
  PRESENT,
  ABSENT,
  EXCUSED;

  /** Whether a candidate with this status counts against the capacity. */
  public boolean holdsPlace() {
    return this == INVITED || this == CONFIRMED || this == PRESENT || this == ABSENT;
  }

  /** Whether this participant is expected on the day (printed on the sign-in sheet). */
  public boolean onRoster() {
    return holdsPlace();
  }
}
