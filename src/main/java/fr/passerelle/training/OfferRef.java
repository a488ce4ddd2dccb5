package fr.passerelle.training;

import java.time.LocalDate;
import java.util.UUID;

/** An open offer a path may lead to. */
public record OfferRef(UUID id, UUID employerId, String title, String source, LocalDate openedOn) {}
