package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index of an encrypted installation kept in its data folder, encrypted (ADR 0171): reopened
 * and caught up at the next start, not rebuilt; no name in its files; a file of another key or a
 * damaged one makes it rebuilt from the database, never a wrong answer.
 */
class EncryptedIndexTest {
  static final String NAME = "Quennevilliers";
  @TempDir Path dir;
  Services services;
  DSLContext dsl;
  LuceneSearchIndex index;

  @BeforeEach
  void seed() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    services.search().close(); // its clear index is not the one under test
    services.candidates().save(CandidateFixtures.person(NAME, "Hélène", "81004"), null);
    dsl = services.db().dsl();
    LuceneSearchIndex.discard(dir);
  }

  @AfterEach
  void close() {
    if (index != null) {
      index.close();
    }
    services.close();
  }

  private LuceneSearchIndex open(byte[] key) {
    if (index != null) {
      index.close();
    }
    index = LuceneSearchIndex.encrypted(() -> dsl, dir, key);
    return index;
  }

  private List<String> found(String text) {
    return index.find(Kind.CANDIDATE, text, 10, false).orElseThrow().stream()
        .map(SearchHit::title)
        .toList();
  }

  /** Builds the index with {@code key} and closes it (committed). */
  private long built(byte[] key) {
    assertThat(open(key).catchUp(Progress.NONE)).as("built").isPositive();
    assertThat(found("quennevilliers")).containsExactly("QUENNEVILLIERS Hélène");
    long held = index.committedChange();
    index.close();
    index = null;
    return held;
  }

  @Test
  void reopenedItIsCaughtUpNotRebuiltAndHoldsNoName() throws IOException {
    long held = built(EncryptedDirectoryTest.key(1));
    Path folder = dir.resolve(LuceneSearchIndex.FOLDER);
    assertThat(folder).isDirectory();
    assertThat(IndexBytes.anyHolds(folder, NAME)).as("a name in the index files").isFalse();
    assertThat(IndexBytes.anyHolds(folder, "Hélène")).isFalse();

    open(EncryptedDirectoryTest.key(1));
    assertThat(index.committedChange()).as("the commit on disk is read back").isEqualTo(held);
    assertThat(index.catchUp(Progress.NONE)).as("nothing rebuilt").isZero();
    assertThat(found("quennevilliers")).containsExactly("QUENNEVILLIERS Hélène");
    assertThat(index.status().state()).isEqualTo(IndexStatus.State.CURRENT);

    // a save after the start is caught up, not rebuilt
    services.candidates().save(CandidateFixtures.person("Albarède", "Lou", "81004"), null);
    assertThat(index.catchUp(Progress.NONE)).isEqualTo(1);
    assertThat(found("albarede")).containsExactly("ALBARÈDE Lou");
  }

  /** Another key (a folder copied beside another installation's key), or a damaged file. */
  @ParameterizedTest
  @ValueSource(strings = {"another key", "damaged commit", "damaged header", "truncated file"})
  void aFileItCannotTrustMakesItRebuiltFromTheDatabase(String harm) throws IOException {
    built(EncryptedDirectoryTest.key(1));
    Path folder = dir.resolve(LuceneSearchIndex.FOLDER);
    List<Path> files;
    try (Stream<Path> walk = Files.list(folder)) {
      files = walk.filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
    }
    Path commit =
        files.stream()
            .filter(p -> p.getFileName().toString().startsWith("segments_"))
            .findFirst()
            .orElseThrow();
    Path largest =
        files.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    byte[] key = EncryptedDirectoryTest.key(1);
    switch (harm) {
      case "another key" -> key = EncryptedDirectoryTest.key(2);
      case "damaged commit" -> flip(commit, (int) (Files.size(commit) - 30));
      case "damaged header" -> flip(largest, 10);
      default -> Files.write(largest, java.util.Arrays.copyOf(Files.readAllBytes(largest), 20));
    }
    open(key);
    assertThat(index.committedChange()).as("nothing trusted").isEqualTo(-1);
    assertThat(index.catchUp(Progress.NONE)).as("rebuilt").isPositive();
    assertThat(found("quennevilliers")).containsExactly("QUENNEVILLIERS Hélène");
  }

  private static void flip(Path file, int at) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[at] ^= 0x55;
    Files.write(file, b);
  }
}
