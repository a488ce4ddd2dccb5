package fr.passerelle.meetings;

/** A meeting with its figures, for the calendar and the list. */
public record MeetingSummary(Meeting meeting, MeetingCounts counts) {}
