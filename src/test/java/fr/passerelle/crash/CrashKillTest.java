package fr.passerelle.crash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crash.CrashHarness.Scenario;
import fr.passerelle.crash.CrashHarness.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short series of the crash harness, in every build: a bounded number of kills (10, spread over
 * the six scenarios) of child JVMs on a small fixture; every data folder must reopen sound, before
 * or after the killed command, without leftovers — at once, or through the way back {@code check}
 * names (H2 2.5.252 can leave a killed file it cannot open: ADR 0080, docs/reliability.md). The
 * long series (200 kills) is the {@code crash} profile (docs/reliability.md).
 */
@Tag("crash")
class CrashKillTest {
  @TempDir Path root;

  @Test
  void killedCommandsLeaveSoundInstallations() throws Exception {
    int kills = Integer.getInteger("crash.kills", 10);
    String report = System.getProperty("crash.report", "");
    CrashHarness h =
        new CrashHarness(
            root,
            Integer.getInteger("crash.candidates", 1_200),
            Long.getLong("crash.seed", 20261206L),
            report.isBlank() ? null : Path.of(report));
    h.prepare();
    h.run(
        kills,
        List.of(
            Scenario.SYNC_IMPORT,
            Scenario.SYNC_INDEXING,
            Scenario.CSV_IMPORT,
            Scenario.EDITS,
            Scenario.SYNC_IMPORT,
            Scenario.BACKUP,
            Scenario.DEMO,
            Scenario.SYNC_INDEXING,
            Scenario.SYNC_IMPORT,
            Scenario.CSV_IMPORT));
    assertThat(h.kills())
        .as(h.summary())
        .hasSize(kills)
        .allSatisfy(k -> assertThat(k.verdict()).as(k.line()).isIn(Verdict.OK, Verdict.REPAIRED));
  }
}
