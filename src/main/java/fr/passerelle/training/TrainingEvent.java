package fr.passerelle.training;

import java.time.Instant;
import java.util.UUID;

/** A dated status change of a path, with its note ({@code from} is null at creation). */
public record TrainingEvent(
    UUID id,
    UUID pathId,
    String pathTitle,
    Instant at,
    TrainingStatus from,
    TrainingStatus to,
    String note) {}
