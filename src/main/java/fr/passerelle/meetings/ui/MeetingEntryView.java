package fr.passerelle.meetings.ui;

import com.calendarfx.model.Entry;
import com.calendarfx.view.DayEntryView;
import impl.com.calendarfx.view.DayEntryViewSkin;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;

/**
 * A meeting in the day and week pages of the calendar, its title wrapped between words only (#19):
 * side by side a meeting is about 55 px wide, and the title label broke the words that did not fit
 * on a line ("prépar / ateurs"). A word wider than the entry is cut with "…"; the whole title, and
 * the place, are in the tooltip.
 */
final class MeetingEntryView extends DayEntryView {
  MeetingEntryView(Entry<?> entry) {
    super(entry);
    Tooltip whole = new Tooltip();
    whole.setWrapText(true);
    whole.setMaxWidth(360);
    whole
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    entry.getLocation() == null || entry.getLocation().isBlank()
                        ? entry.getTitle()
                        : entry.getTitle() + "\n" + entry.getLocation(),
                entry.titleProperty(),
                entry.locationProperty()));
    Tooltip.install(this, whole);
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new WholeWordsSkin(this);
  }

  /**
   * {@code title} with every word wider than {@code width} in {@code font} cut to fit with "…": a
   * label that wraps it at {@code width} then breaks lines between words only.
   */
  static String wholeWords(String title, Font font, double width) {
    return fr.passerelle.ui.WholeWords.cut(title, font, width);
  }

  /** CalendarFX's entry, its title fitted to the entry's width each time it is laid out. */
  private static final class WholeWordsSkin extends DayEntryViewSkin {
    WholeWordsSkin(DayEntryView view) {
      super(view);
    }

    @Override
    protected void updateLabels() {
      super.updateLabels();
      DayEntryView v = getSkinnable();
      fitTitle(v.getWidth() - v.snappedLeftInset() - v.snappedRightInset());
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
      fitTitle(w);
      super.layoutChildren(x, y, w, h);
    }

    private void fitTitle(double contentWidth) {
      // a pixel spared: the label's text wraps at its width less its paddings, snapped
      double room =
          contentWidth - titleLabel.snappedLeftInset() - titleLabel.snappedRightInset() - 1;
      String shown = wholeWords(getEntry().getTitle(), titleLabel.getFont(), room);
      if (shown != null && !shown.equals(titleLabel.getText())) {
        titleLabel.setText(shown);
      }
    }
  }
}
