package fr.passerelle.meetings;

/** What a meeting is for; the French label is the one printed on documents. */
public enum MeetingKind {
  NETWORK_INFO("Réunion d'information inter-réseaux"),
  INFO_COLLECTIVE("Information collective"),
  JOB_DATING("Job dating"),
  FORUM("Forum emploi"),
  DISCOVERY_WORKSHOP("Atelier découverte métier"),
  MRS("Recrutement par simulation (MRS)"),
  TRAINING_INFO("Information formation");

  private final String frenchLabel;

  MeetingKind(String frenchLabel) {
    this.frenchLabel = frenchLabel;
  }

  /** The label printed on rosters, convocations and calendar files (documents are French). */
  public String frenchLabel() {
    return frenchLabel;
  }
}
