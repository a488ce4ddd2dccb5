package fr.passerelle.training;

/**
 * A condition of a funding scheme that a path does not meet: shown to the counselor, never a block.
 * {@code kind} is one of HOURS_ABOVE_MAX, HOURS_BELOW_MIN, OFFER_MISSING, NO_RULE; {@code message}
 * is French text naming the rule and its source.
 */
public record RuleWarning(String kind, String message, String sourceTitle, String sourceUrl) {}
