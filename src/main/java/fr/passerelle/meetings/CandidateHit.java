package fr.passerelle.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** A candidate found by name to invite. */
public record CandidateHit(
    UUID id, String lastName, String firstName, LocalDate birthDate, String commune) {}
