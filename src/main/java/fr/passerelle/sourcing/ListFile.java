package fr.passerelle.sourcing;

import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sourcing list's entries as a file a counselor opens in Excel or LibreOffice (#19: "export of
 * what the table shows"): the columns of the list's table, in French, the person's name split in
 * two, phone and e-mail only for who may read them, the priority publics in words.
 */
final class ListFile {
  static final List<String> HEADER =
      List.of(
          "Nom",
          "Prénom",
          "Téléphone",
          "E-mail",
          "Commune",
          "Étape",
          "Ajouté le",
          "Score",
          "Publics prioritaires");

  private ListFile() {}

  static void write(Path file, List<SourcingEntry> entries, boolean contacts) {
    List<String> header = new ArrayList<>(HEADER);
    if (!contacts) {
      header.removeAll(List.of("Téléphone", "E-mail"));
    }
    try (TabularWriter out = TabularWriter.open(file, "Liste", header)) {
      for (SourcingEntry e : entries) {
        List<Object> row = new ArrayList<>();
        row.add(upper(e.lastName()));
        row.add(e.firstName());
        if (contacts) {
          row.add(e.phone());
          row.add(e.email());
        }
        row.add(e.communeName());
        row.add(step(e.status()));
        row.add(e.addedOn());
        row.add(e.score());
        row.add(e.criteria().stream().map(ListFile::criterion).collect(Collectors.joining(", ")));
        out.write(row);
      }
    }
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(java.util.Locale.FRENCH);
  }

  static String step(PipelineStatus s) {
    return switch (s) {
      case PROPOSED -> "Proposé";
      case CONTACTED -> "Contacté";
      case INTERESTED -> "Intéressé";
      case INTERVIEW -> "Entretien";
      case HIRED -> "Embauché";
      case DECLINED -> "Décliné";
      case WITHDRAWN -> "Retiré";
    };
  }

  private static String criterion(String code) {
    return switch (code) {
      case "YOUTH" -> "Moins de 26 ans";
      case "SENIOR" -> "50 ans et plus";
      default -> code;
    };
  }
}
