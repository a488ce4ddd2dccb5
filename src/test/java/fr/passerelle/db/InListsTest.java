package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InListsTest {
  @TempDir Path dir;

  @Test
  void h2LooksTheInlinedListUpThroughTheColumnsIndex() {
    try (Services s = TestServices.open(dir)) {
      var dsl = s.db().dsl();
      List<String> names = List.of("martin lea", "dupont helene", "l'hopital jean");
      String inlined =
          dsl.explain(dsl.selectFrom(CANDIDATE).where(InLists.in(CANDIDATE.NAME_NORM, names)))
              .plan();
      assertThat(inlined).contains("CANDIDATE_NAME_NORM: NAME_NORM IN('martin lea'");
      assertThat(
              dsl.fetchCount(
                  dsl.selectFrom(CANDIDATE).where(InLists.in(CANDIDATE.NAME_NORM, names))))
          .isZero();
    }
  }
}
