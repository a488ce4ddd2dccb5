package fr.passerelle.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sync.SyncImportReport;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncViewModelTest {
  @TempDir Path root;
  Services a;
  Services b;
  SyncViewModel vm;

  @BeforeEach
  void setUp() {
    a = TestServices.withOffice(root.resolve("a"), "FT Toulouse", OfficeKind.FRANCE_TRAVAIL);
    b = TestServices.withOffice(root.resolve("b"), "FT Albi", OfficeKind.FRANCE_TRAVAIL);
    a.sync().peers().trust(b.sync().identity().card());
    b.sync().peers().trust(a.sync().identity().card());
    vm = new SyncViewModel(b.sync(), new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  private UUID candidate(Services s, String name) {
    return s.db()
        .dsl()
        .transactionResult(
            cfg -> {
              CandidateRecord c = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE);
              c.setLastName(name);
              c.setFirstName("Léa");
              return s.writer().insert(cfg.dsl(), c).getId();
            });
  }

  private void rename(Services s, UUID id, String name) {
    s.db()
        .dsl()
        .transaction(
            cfg -> {
              var c =
                  cfg.dsl()
                      .selectFrom(fr.passerelle.db.jooq.Tables.CANDIDATE)
                      .where(fr.passerelle.db.jooq.Tables.CANDIDATE.ID.eq(id))
                      .fetchSingle();
              c.setLastName(name);
              c.setNameNorm(fr.passerelle.db.TextNorm.normalize(name + " " + c.getFirstName()));
              s.writer().update(cfg.dsl(), c);
            });
  }

  @Test
  void showsPeersImportsAReportAndResolvesAConflict() throws Exception {
    vm.refresh();
    assertThat(vm.peers()).extracting(p -> p.office()).containsExactly("FT Toulouse");
    assertThat(vm.identity().get()).contains("FT Albi", "France Travail");
    UUID id = candidate(a, "Martin");
    Path dir = Files.createDirectories(root.resolve("files"));
    Path f1 =
        a.sync()
            .exporter()
            .exportTo(ReplicatedReplica.of(b), dir.resolve("1.passerelle"), false, Progress.NONE)
            .file();
    vm.importFile(f1);
    assertThat(vm.error().get()).as(vm.message().get()).isFalse();
    assertThat(vm.report().get().tables().get("candidate").added).isEqualTo(1);
    rename(a, id, "Martin-A");
    rename(b, id, "Martin-B");
    Path f2 =
        a.sync()
            .exporter()
            .exportTo(ReplicatedReplica.of(b), dir.resolve("2.passerelle"), false, Progress.NONE)
            .file();
    vm.importFile(f2);
    assertThat(vm.conflictGroups()).hasSize(1);
    var conflict = vm.conflictGroups().get(0).get(0);
    assertThat(conflict.differing())
        .as("the name's search form follows the name, it is not a choice")
        .contains("LAST_NAME")
        .doesNotContain("NAME_NORM");
    vm.mergeFields(conflict, java.util.List.of("LAST_NAME"));
    assertThat(vm.conflictGroups()).isEmpty();
    CandidateRecord merged =
        b.db()
            .dsl()
            .selectFrom(fr.passerelle.db.jooq.Tables.CANDIDATE)
            .where(fr.passerelle.db.jooq.Tables.CANDIDATE.ID.eq(id))
            .fetchSingle();
    assertThat(merged.getLastName()).isEqualTo("Martin-A");
    assertThat(merged.getNameNorm())
        .as("made again from the name taken")
        .isEqualTo(fr.passerelle.db.TextNorm.normalize("Martin-A " + merged.getFirstName()));
    vm.importFile(f2);
    assertThat(vm.report().get().outcome()).isEqualTo(SyncImportReport.Outcome.ALREADY_IMPORTED);
    vm.computeDigest();
    assertThat(vm.digest().get()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
  }

  @Test
  void aRefusedFileShowsItsCause() throws Exception {
    Path junk = root.resolve("x.passerelle");
    Files.writeString(junk, "hello");
    vm.importFile(junk);
    assertThat(vm.error().get()).isTrue();
    // said in French in the window (the English sentence is the command line's)
    assertThat(vm.message().get())
        .startsWith("Le fichier x.passerelle n’est pas un fichier de synchronisation Passerelle");
    assertThat(vm.busy().get()).isFalse();
  }

  @Test
  void theWatchedFolderImportsNewFilesOnce() throws Exception {
    candidate(a, "Durand");
    Path shared = Files.createDirectories(root.resolve("shared"));
    a.sync()
        .exporter()
        .exportTo(ReplicatedReplica.of(b), shared.resolve("a.passerelle"), false, Progress.NONE);
    vm.watchedFolder().set(shared);
    vm.pollWatchedFolder();
    assertThat(vm.report().get().tables().get("candidate").added).isEqualTo(1);
    vm.report().set(null);
    vm.pollWatchedFolder();
    assertThat(vm.report().get()).isNull();
  }

  /** The replica id of an installation. */
  static final class ReplicatedReplica {
    static UUID of(Services s) {
      return fr.passerelle.db.ReplicatedWriter.currentReplica(s.db().dsl()).getId();
    }
  }
}
