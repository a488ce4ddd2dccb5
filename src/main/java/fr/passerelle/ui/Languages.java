package fr.passerelle.ui;

import fr.passerelle.db.Settings;
import java.util.List;
import java.util.Locale;

/** The UI languages and the setting that remembers the choice (French unless set to English). */
public final class Languages {
  /** Setting key in the local setting table. */
  public static final String SETTING = "ui.language";

  /** The languages offered, French first. */
  public static final List<Locale> ALL = List.of(Messages.FRENCH, Messages.ENGLISH);

  private Languages() {}

  /** The language stored in {@code settings}, French by default. */
  public static Locale load(Settings settings) {
    return fromCode(settings.get(SETTING).orElse("fr"));
  }

  public static void save(Settings settings, Locale locale) {
    settings.put(SETTING, locale.getLanguage());
  }

  static Locale fromCode(String code) {
    return "en".equalsIgnoreCase(code == null ? "" : code.trim())
        ? Messages.ENGLISH
        : Messages.FRENCH;
  }
}
