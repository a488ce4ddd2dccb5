package fr.passerelle.meetings.ui;

/** The documents of a meeting that print (labels: printing.document.NAME). */
public enum PrintDocument {
  ROSTER,
  CONVOCATIONS
}
