package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.CANDIDATE_OCCUPATION;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.SortField;

/**
 * What a row of the candidates table shows, as the index stores it (ADR 0180): the page of a search
 * is answered from the index alone, in the same answer as the hits, so it is exactly as current as
 * they are. The caller turns codes into labels (commune name, occupation labels, status).
 *
 * @param romeCodes the target occupations, most experience first (then by code)
 * @param status the stored status code, null when none
 */
public record CandidateCard(
    UUID id,
    String lastName,
    String firstName,
    LocalDate birthDate,
    String communeCode,
    String status,
    LocalDate availableFrom,
    List<String> romeCodes,
    boolean consentShare) {

  /**
   * The order of a candidate's target occupations on its row: most experience first, then by code.
   * The database's summaries and the index's cards list them the same way.
   */
  public static final List<SortField<?>> OCCUPATION_ORDER =
      List.of(
          CANDIDATE_OCCUPATION.EXPERIENCE_YEARS.desc().nullsLast(),
          CANDIDATE_OCCUPATION.ROME_CODE.asc());

  public CandidateCard {
    romeCodes = List.copyOf(romeCodes);
  }
}
