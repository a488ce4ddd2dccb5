package fr.passerelle.meetings;

/** A partner body associated with a meeting. */
public enum PartnerKind {
  AKTO("Akto"),
  FASTT("FASTT"),
  CAP_EMPLOI("Cap emploi"),
  EMPLOYER("Employeur"),
  OTHER("Autre");

  private final String frenchLabel;

  PartnerKind(String frenchLabel) {
    this.frenchLabel = frenchLabel;
  }

  public String frenchLabel() {
    return frenchLabel;
  }
}
