package fr.passerelle.meetings;

/** Who a participant is. Only candidates count against the capacity. */
public enum ParticipantRole {
  CANDIDATE,
  PARTNER,
  EMPLOYER,
  STAFF
}
