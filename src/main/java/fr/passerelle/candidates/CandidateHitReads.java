package fr.passerelle.candidates;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.COMMUNE;

import fr.passerelle.db.InLists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The reads behind {@link CandidateSearch#byName}: candidates as suggestions to pick from. */
final class CandidateHitReads {
  private CandidateHitReads() {}

  /** These candidates (live ones), in the given order. */
  static List<CandidateHit> byId(DSLContext ctx, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, CandidateHit> byId = new HashMap<>();
    hits(ctx, InLists.in(CANDIDATE.ID, ids)).forEach(h -> byId.put(h.id(), h));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /**
   * Candidates whose normalised "last first" name starts with {@code text}, a page of them (while
   * the search index is not current); {@code consentingOnly}: who consented to share.
   */
  static List<CandidateHit> byName(DSLContext ctx, String text, int limit, boolean consentingOnly) {
    String prefix = fr.passerelle.db.TextNorm.normalize(text == null ? "" : text);
    if (prefix.isEmpty()) {
      return List.of();
    }
    return hits(
            ctx,
            CANDIDATE
                .NAME_NORM
                .startsWith(prefix)
                .and(fr.passerelle.search.ConsentRule.applied(CANDIDATE.ID, consentingOnly)))
        .stream()
        .limit(limit)
        .toList();
  }

  /** Live candidates meeting {@code which}, with their commune's name, by name. */
  private static List<CandidateHit> hits(DSLContext ctx, Condition which) {
    return ctx.select(
            CANDIDATE.ID,
            CANDIDATE.LAST_NAME,
            CANDIDATE.FIRST_NAME,
            CANDIDATE.BIRTH_DATE,
            COMMUNE.NAME)
        .from(CANDIDATE)
        .leftJoin(COMMUNE)
        .on(COMMUNE.INSEE_CODE.eq(CANDIDATE.COMMUNE_CODE))
        .where(which.and(CANDIDATE.DELETED.isFalse()))
        .orderBy(CANDIDATE.NAME_NORM, CANDIDATE.ID)
        .fetch(r -> new CandidateHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }
}
