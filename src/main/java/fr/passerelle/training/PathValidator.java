package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import java.math.BigDecimal;
import org.jooq.DSLContext;

/** The hard checks on a path's fields: a failure names the field and the reason. */
final class PathValidator {
  private PathValidator() {}

  static void validate(PathDraft d) {
    if (d.candidateId() == null) {
      throw new InvalidInputException("Candidat : choisissez la personne concernée.");
    }
    if (d.title() == null || d.title().isBlank()) {
      throw new InvalidInputException("Intitulé de la formation : obligatoire.");
    }
    if (d.hours() != null && d.hours() <= 0) {
      throw new InvalidInputException("Heures : un nombre positif d'heures est attendu.");
    }
    if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
      throw new InvalidInputException(
          "Date de fin : le "
              + fr.passerelle.meetings.FrenchFormats.date(d.endsOn())
              + " est avant le début ("
              + fr.passerelle.meetings.FrenchFormats.date(d.startsOn())
              + ").");
    }
    if (d.amount() != null && d.amount().compareTo(BigDecimal.ZERO) < 0) {
      throw new InvalidInputException("Montant : un montant négatif n'est pas possible.");
    }
    ControlCharacters.require("title", d.title(), false, "training.error.titleControl");
    ControlCharacters.require("provider", d.provider(), false, "training.error.providerControl");
    ControlCharacters.require("place", d.place(), false, "training.error.placeControl");
  }

  /** A note of a step or an outcome: several lines allowed, control characters not. */
  static void note(String note) {
    ControlCharacters.require("note", note, true, "training.error.noteControl");
  }

  static void checkReferences(DSLContext tx, PathDraft d) {
    if (!tx.fetchExists(
        CANDIDATE, CANDIDATE.ID.eq(d.candidateId()).and(CANDIDATE.DELETED.isFalse()))) {
      throw new InvalidInputException("Candidat : personne introuvable (supprimée ?).");
    }
    checkRome(tx, d.fromRomeCode(), "Métier d'origine");
    checkRome(tx, d.targetRomeCode(), "Métier visé");
    if (d.meetingId() != null
        && !tx.fetchExists(MEETING, MEETING.ID.eq(d.meetingId()).and(MEETING.DELETED.isFalse()))) {
      throw new InvalidInputException("Réunion d'information : réunion introuvable.");
    }
  }

  private static void checkRome(DSLContext tx, String code, String field) {
    String c = blankToNull(code);
    if (c != null && !tx.fetchExists(OCCUPATION, OCCUPATION.ROME_CODE.eq(c))) {
      throw new InvalidInputException(field + " : « " + c + " » n'est pas un code ROME connu.");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
