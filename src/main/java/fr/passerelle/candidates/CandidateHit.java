package fr.passerelle.candidates;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A candidate found by name, to invite to a meeting or add to a sourcing list: enough to recognise
 * the person in a suggestion ("NOM Prénom · date of birth · commune").
 */
public record CandidateHit(
    UUID id, String lastName, String firstName, LocalDate birthDate, String commune) {}
