package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The candidate form's conflict flow on its own (ADR 0177): no FX thread, no database, a form that
 * records what it is asked. A refused save is told and waits; each choice ends it and does one
 * thing to the form; a choice without a conflict does nothing.
 */
class CandidateConflictFlowTest {
  private final Messages msg = new Messages(Messages.FRENCH);
  private final List<String> asked = new ArrayList<>();
  private final CandidateConflictFlow flow =
      new CandidateConflictFlow(
          null,
          msg,
          new CandidateConflictFlow.Form() {
            @Override
            public void show(CandidateDetail stored) {
              asked.add("show " + stored.phone());
            }

            @Override
            public void rebase(CandidateDetail theirs, Set<String> theirsFor) {
              asked.add("rebase " + theirs.phone() + " " + new TreeSet<>(theirsFor));
            }

            @Override
            public void say(String text) {
              asked.add("say " + text);
            }
          });
  private final CandidateDetail read = CandidateFixtures.person("Lefèvre", "Julien", "31555");
  private final CandidateConflict conflict =
      new CandidateConflict(
          "Modifié par Hélène Dupont",
          CandidateFixtures.edited(read, "julien.lefevre@example.org", null),
          CandidateFixtures.edited(read, null, "06 12 34 56 78"));

  @Test
  void aRefusedSaveIsToldAndWaitsForTheCounselorsChoice() {
    flow.refused(conflict);
    assertThat(asked).containsExactly("say Modifié par Hélène Dupont");
    assertThat(flow.pending().get()).isSameAs(conflict);
  }

  @Test
  void rechargerShowsTheirsAndSaysTheEditsWereDropped() {
    flow.refused(conflict);
    flow.reloadTheirs();
    assertThat(flow.pending().get()).isNull();
    assertThat(asked)
        .containsExactly(
            "say Modifié par Hélène Dupont",
            "show 06 12 34 56 78",
            "say " + msg.get("candidates.conflict.reloaded"));
  }

  @Test
  void comparerRebasesOnTheirsWithTheChosenFields() {
    flow.refused(conflict);
    flow.saveOnTheirs(Set.of(CandidateConflict.PHONE));
    assertThat(flow.pending().get()).isNull();
    assertThat(asked)
        .containsExactly(
            "say Modifié par Hélène Dupont",
            "rebase 06 12 34 56 78 [" + CandidateConflict.PHONE + "]",
            "say " + msg.get("candidates.conflict.rebased"));
  }

  @Test
  void annulerEndsTheConflictAndLeavesTheFormAlone() {
    flow.refused(conflict);
    flow.keepEditing();
    assertThat(flow.pending().get()).isNull();
    assertThat(asked).containsExactly("say Modifié par Hélène Dupont");
  }

  @Test
  void aChoiceWithoutAConflictDoesNothing() {
    flow.reloadTheirs();
    flow.saveOnTheirs(Set.of(CandidateConflict.PHONE));
    flow.keepEditing();
    assertThat(asked).isEmpty();
    assertThat(flow.pending().get()).isNull();
  }
}
