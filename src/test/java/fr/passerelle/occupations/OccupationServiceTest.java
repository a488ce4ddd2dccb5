package fr.passerelle.occupations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.db.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OccupationServiceTest {
  @TempDir static Path dir;
  static Database db;
  static OccupationService service;

  @BeforeAll
  static void open() {
    db = Database.open(dir);
    service = new OccupationService(db.dsl(), null);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<String> codes(String query) {
    return service.search(query).stream().map(OccupationHit::romeCode).toList();
  }

  @Test
  void findsOrderPickersByAbbreviatedJobTitle() {
    assertThat(codes("prepa comm")).contains("N1103");
  }

  @Test
  void ignoresAccentsAndCase() {
    assertThat(codes("macon")).contains("F1703");
    assertThat(codes("MAÇON")).isEqualTo(codes("macon"));
    assertThat(codes("Maçonne")).contains("F1703");
  }

  @Test
  void findsByRomeCode() {
    assertThat(codes("N1103")).first().isEqualTo("N1103");
  }

  @Test
  void tellsWhichJobTitleMatched() {
    OccupationHit hit =
        service.search("chauffeuse machines agri").stream()
            .filter(h -> h.romeCode().equals("A1101"))
            .findFirst()
            .orElseThrow();
    assertThat(hit.label()).isEqualTo("Conducteur / Conductrice d'engins agricoles");
    assertThat(hit.matchedTitle()).isEqualTo("Chauffeur / Chauffeuse de machines agricoles");
  }

  @Test
  void emptyOrUnknownQueriesFindNothing() {
    assertThat(codes("   ")).isEmpty();
    assertThat(codes("zzzzqqq")).isEmpty();
  }
}
