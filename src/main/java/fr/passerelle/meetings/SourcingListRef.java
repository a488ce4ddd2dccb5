package fr.passerelle.meetings;

import java.util.UUID;

/** An open sourcing list, with its number of active entries, to invite in one action. */
public record SourcingListRef(UUID id, String name, int entries) {}
