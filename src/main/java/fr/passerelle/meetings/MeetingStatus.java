package fr.passerelle.meetings;

/** A meeting's life: planned, cancelled (kept, with its participants, to warn them) or held. */
public enum MeetingStatus {
  PLANNED,
  CANCELLED,
  HELD
}
