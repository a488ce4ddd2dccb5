package fr.passerelle.meetings;

import java.util.UUID;

/**
 * A training path that came from a training information meeting (its {@code meeting_id}): who,
 * which training, and the path's status name (IDEA … EMPLOYED, DROPPED).
 */
public record LinkedPath(UUID id, String candidateName, String title, String status) {}
