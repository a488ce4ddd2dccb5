package fr.passerelle.occupations;

/** One occupation found by a search, with the job title that matched if it was not the label. */
public record OccupationHit(
    String romeCode, String label, String domainLabel, String matchedTitle) {

  /** "N1103 Préparation de commandes — Préparateur de commandes", as suggestions show it. */
  public String display() {
    return romeCode + " " + label + (matchedTitle == null ? "" : " — " + matchedTitle);
  }
}
