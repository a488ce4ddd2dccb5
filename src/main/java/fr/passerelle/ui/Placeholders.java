package fr.passerelle.ui;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.ui.PlaceholderFeature.Column;
import java.util.List;
import org.jooq.impl.DSL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The read-only views shown until each feature's own view lands (one factory per navigation entry;
 * {@link Features#all} lists them in order).
 */
public final class Placeholders {
  private Placeholders() {}

  public static FeatureView dashboard(UiContext ctx) {
    return new PlaceholderFeature(
        ctx,
        "dashboard",
        "nav.dashboard",
        MaterialDesignV.VIEW_DASHBOARD_OUTLINE,
        "empty.dashboard",
        List.of("col.table", "col.rows"),
        services ->
            services.stats().rowCounts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> List.<Object>of(ctx.messages().get("table." + e.getKey()), e.getValue()))
                .toList());
  }

  public static FeatureView meetings(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "meetings",
        "nav.meetings",
        MaterialDesignC.CALENDAR_CLOCK,
        "empty.meetings",
        MEETING,
        PlaceholderFeature.live(MEETING),
        List.of(
            new Column("col.startsAt", MEETING.STARTS_AT),
            new Column("col.title", MEETING.TITLE),
            new Column("col.kind", MEETING.KIND),
            new Column("col.place", MEETING.PLACE),
            new Column("col.capacity", MEETING.CAPACITY),
            new Column("col.status", MEETING.STATUS)),
        MEETING.STARTS_AT.desc());
  }

  public static FeatureView candidates(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "candidates",
        "nav.candidates",
        MaterialDesignA.ACCOUNT_GROUP_OUTLINE,
        "empty.candidates",
        CANDIDATE.leftJoin(COMMUNE).on(COMMUNE.INSEE_CODE.eq(CANDIDATE.COMMUNE_CODE)),
        PlaceholderFeature.live(CANDIDATE),
        List.of(
            new Column("col.lastName", CANDIDATE.LAST_NAME),
            new Column("col.firstName", CANDIDATE.FIRST_NAME),
            new Column("col.commune", COMMUNE.NAME),
            new Column("col.status", CANDIDATE.STATUS),
            new Column("col.registeredOn", CANDIDATE.REGISTERED_ON)),
        CANDIDATE.NAME_NORM);
  }

  public static FeatureView offers(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "offers",
        "nav.offers",
        MaterialDesignB.BRIEFCASE_OUTLINE,
        "empty.offers",
        JOB_OFFER.leftJoin(COMMUNE).on(COMMUNE.INSEE_CODE.eq(JOB_OFFER.COMMUNE_CODE)),
        PlaceholderFeature.live(JOB_OFFER).and(JOB_OFFER.CLOSED_ON.isNull()),
        List.of(
            new Column("col.openedOn", JOB_OFFER.OPENED_ON),
            new Column("col.title", JOB_OFFER.TITLE),
            new Column("col.rome", JOB_OFFER.ROME_CODE),
            new Column("col.commune", COMMUNE.NAME),
            new Column("col.contract", JOB_OFFER.CONTRACT),
            new Column("col.positions", JOB_OFFER.POSITIONS),
            new Column("col.source", JOB_OFFER.SOURCE)),
        JOB_OFFER.OPENED_ON);
  }

  public static FeatureView lists(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "lists",
        "nav.lists",
        MaterialDesignC.CLIPBOARD_LIST_OUTLINE,
        "empty.lists",
        SOURCING_LIST,
        PlaceholderFeature.live(SOURCING_LIST),
        List.of(
            new Column("col.name", SOURCING_LIST.NAME),
            new Column("col.rome", SOURCING_LIST.ROME_CODE),
            new Column("col.createdOn", SOURCING_LIST.CREATED_ON),
            new Column("col.closedOn", SOURCING_LIST.CLOSED_ON)),
        SOURCING_LIST.CREATED_ON.desc());
  }

  public static FeatureView training(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "training",
        "nav.training",
        MaterialDesignS.SCHOOL_OUTLINE,
        "empty.training",
        TRAINING_PATH.leftJoin(CANDIDATE).on(CANDIDATE.ID.eq(TRAINING_PATH.CANDIDATE_ID)),
        PlaceholderFeature.live(TRAINING_PATH),
        List.of(
            new Column("col.lastName", CANDIDATE.LAST_NAME),
            new Column("col.firstName", CANDIDATE.FIRST_NAME),
            new Column("col.training", TRAINING_PATH.TITLE),
            new Column("col.funding", TRAINING_PATH.FUNDING_SCHEME),
            new Column("col.startsOn", TRAINING_PATH.STARTS_ON),
            new Column("col.status", TRAINING_PATH.STATUS)),
        TRAINING_PATH.STARTS_ON.desc());
  }

  public static FeatureView sync(UiContext ctx) {
    return PlaceholderFeature.ofTable(
        ctx,
        "sync",
        "nav.sync",
        MaterialDesignS.SWAP_HORIZONTAL,
        "empty.sync",
        PEER,
        DSL.noCondition(),
        List.of(
            new Column("col.office", PEER.OFFICE_NAME),
            new Column("col.organisation", PEER.ORGANISATION),
            new Column("col.lastImport", PEER.LAST_IMPORT_AT),
            new Column("col.lastExport", PEER.LAST_EXPORT_AT),
            new Column("col.revokedAt", PEER.REVOKED_AT)),
        PEER.OFFICE_NAME);
  }
}
