package fr.passerelle.training;

import java.time.LocalDateTime;
import java.util.UUID;

/** A training information meeting, as the path form offers it. */
public record MeetingRef(UUID id, String title, LocalDateTime startsAt) {}
