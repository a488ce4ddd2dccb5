package fr.passerelle.search;

/**
 * One thing found: its kind and id (a UUID, or the ROME code of an occupation), what to show, the
 * job title that matched when it was not the label (occupations), and how well it matched (higher
 * first: exact words score above prefixes, prefixes above sounds and typos).
 */
public record SearchHit(
    Kind kind, String id, String title, String detail, String matched, float score) {}
