package fr.passerelle.meetings;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A warning: another meeting at the same time uses the same room, or has the same person invited.
 * {@code who} is the person's "NOM Prénom" (empty for a room clash).
 */
public record Clash(
    UUID otherMeetingId,
    String otherTitle,
    LocalDateTime otherStart,
    LocalDateTime otherEnd,
    String who) {}
