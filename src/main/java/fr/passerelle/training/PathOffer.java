package fr.passerelle.training;

import java.time.LocalDate;
import java.util.UUID;

/** An open offer a path may lead to. */
public record PathOffer(
    UUID id, UUID employerId, String title, String source, LocalDate openedOn) {}
