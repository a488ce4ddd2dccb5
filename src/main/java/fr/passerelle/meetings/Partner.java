package fr.passerelle.meetings;

/** A partner of a meeting: a body (Akto, FASTT, Cap emploi) or a named employer or other. */
public record Partner(PartnerKind kind, String name) {
  /** What is printed: the name if given, else the body's label. */
  public String displayName() {
    if (name != null && !name.isBlank()) {
      return kind == PartnerKind.EMPLOYER || kind == PartnerKind.OTHER
          ? name
          : kind.frenchLabel() + " (" + name + ")";
    }
    return kind.frenchLabel();
  }
}
