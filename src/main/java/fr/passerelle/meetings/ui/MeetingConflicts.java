package fr.passerelle.meetings.ui;

import fr.passerelle.ui.ConflictChoices;
import fr.passerelle.ui.ConflictDialogs;
import java.util.Set;

/**
 * What the meeting form does with the counselor's answer when its save was refused over a
 * colleague's newer edit (ADR 0197), asked by the ui kit's {@link ConflictDialogs} as for
 * candidates and offers: Recharger shows the colleague's meeting; Comparer keeps what was typed
 * except the fields whose colleague's values were taken, on the colleague's version; Annuler keeps
 * the form as typed.
 */
final class MeetingConflicts implements ConflictChoices {
  private final MeetingsViewModel vm;
  private final MeetingEditor editor;

  MeetingConflicts(MeetingsViewModel vm, MeetingEditor editor, ConflictDialogs dialogs) {
    this.vm = vm;
    this.editor = editor;
    dialogs.askOn(vm.conflict, this, MeetingConflict::text, c -> c.differences(vm.messages()));
  }

  @Override
  public void reloadTheirs() {
    MeetingConflict c = vm.conflict.get();
    if (c != null) {
      vm.takeTheirs(c, "meetings.conflict.reloaded");
    }
  }

  @Override
  public void saveOnTheirs(Set<String> theirsFor) {
    MeetingConflict c = vm.conflict.get();
    if (c == null) {
      return;
    }
    vm.takeTheirs(c, "meetings.conflict.rebased"); // the form now shows theirs, on their version
    editor.fill(c.mine().toDraft(), key -> !theirsFor.contains(key)); // then mine where kept
  }

  @Override
  public void keepEditing() {
    vm.conflict.set(null);
  }
}
