package fr.passerelle.ui;

import fr.passerelle.core.UserFacingException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text, French by default, English as a setting. Each feature has its own bundle (listed in
 * {@link #BUNDLES}); a key is looked up in each in turn. A test fails on a key missing from either
 * language.
 */
public final class Messages {
  public static final Locale FRENCH = Locale.FRANCE;
  public static final Locale ENGLISH = Locale.UK;

  /** Every bundle of the UI, one per feature. */
  public static final List<String> BUNDLES =
      List.of(
          "fr.passerelle.ui.messages",
          "fr.passerelle.meetings.ui.messages",
          "fr.passerelle.candidates.ui.messages",
          "fr.passerelle.offers.ui.messages",
          "fr.passerelle.sourcing.ui.messages",
          "fr.passerelle.dashboard.ui.messages",
          "fr.passerelle.training.ui.messages",
          "fr.passerelle.sync.ui.messages",
          "fr.passerelle.printing.ui.messages",
          "fr.passerelle.accounts.ui.messages",
          "fr.passerelle.audit.ui.messages");

  private final Locale locale;
  private final List<ResourceBundle> bundles;

  public Messages(Locale locale) {
    this.locale = locale;
    this.bundles =
        BUNDLES.stream()
            .map(
                b ->
                    ResourceBundle.getBundle(
                        b,
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES)))
            .toList();
  }

  public Locale locale() {
    return locale;
  }

  /** The text for {@code key}, formatted with {@code args} (MessageFormat). */
  public String get(String key, Object... args) {
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
      }
    }
    throw new MissingResourceException("missing UI text " + key, "Messages", key);
  }

  /** True when some bundle has a text for {@code key}. */
  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }

  /**
   * What to tell the user about a failure: the UI text of a {@link UserFacingException} that names
   * one, else its message; for anything else its message (or its type when it has none).
   */
  public String describe(Throwable failure) {
    if (failure instanceof fr.passerelle.security.AccessDeniedException d) {
      // the missing permission in the user's words, and its code
      return get(
          d.key().orElse("security.refused"),
          get("permission." + d.missing().name()),
          d.missing().name());
    }
    if (failure instanceof UserFacingException u && u.key().isPresent()) {
      String key = u.key().get();
      for (ResourceBundle b : bundles) {
        if (b.containsKey(key)) {
          return get(key, u.args());
        }
      }
    }
    if (connectionLost(failure)) {
      return get(serverFull(failure) ? "error.serverFull" : "error.serverUnreachable");
    }
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }

  /**
   * True when {@code failure} comes from the office server's connection lost or refused (an SQL
   * state of class 08, as PgJDBC reports it; the server shutting down or starting up: 57P01–57P03;
   * or its connections all taken: 53300): the form keeps its content and says so (ADR 0181), and
   * saves again once the server is back (ADR 0211).
   */
  static boolean connectionLost(Throwable failure) {
    return sqlState(
        failure, s -> s.startsWith("08") || s.startsWith("57P0") || s.equals(TOO_MANY_CONNECTIONS));
  }

  /** PostgreSQL's "too many clients": every connection its {@code max_connections} allows taken. */
  static final String TOO_MANY_CONNECTIONS = "53300";

  private static boolean serverFull(Throwable failure) {
    return sqlState(failure, TOO_MANY_CONNECTIONS::equals);
  }

  private static boolean sqlState(Throwable failure, java.util.function.Predicate<String> matches) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException e
          && e.getSQLState() != null
          && matches.test(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a form says of an action that failed: {@link #describe} for a {@link UserFacingException},
   * else the "unexpected error" text with its message (the caller logs it).
   */
  public String describeOrUnexpected(Throwable failure) {
    return failure instanceof UserFacingException || connectionLost(failure)
        ? describe(failure)
        : get("error.unexpected", String.valueOf(failure.getMessage()));
  }
}
