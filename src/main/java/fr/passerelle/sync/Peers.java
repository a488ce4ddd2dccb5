package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.jooq.tables.records.PeerRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Trust and revocation of other installations, and the list of peers with their checkpoints. */
public final class Peers {
  /** Far above a card's size: a bigger file is something else, not read into memory. */
  private static final long MAX_CARD_BYTES = 64 * 1024;

  private final Database db;
  private final Identity identity;
  private final Access access;

  private final fr.passerelle.db.WallClock clock;

  Peers(Database db, Identity identity, Access access, fr.passerelle.db.WallClock clock) {
    this.access = access;
    this.clock = clock;
    this.db = db;
    this.identity = identity;
  }

  /** Reads a card file's text; the message says why it is refused. */
  public IdentityCard read(String text, String source) {
    return read(text, source, source);
  }

  private static IdentityCard read(String text, String source, String shownName) {
    try {
      return IdentityCard.parse(text);
    } catch (IdentityCard.Refused e) {
      throw InvalidInputException.of(
          "sync.card.refused." + e.reason().name(),
          source + ": " + e.getMessage() + ".",
          shownName);
    }
  }

  /** Reads a partner's card file; the message names the file and says why it is refused. */
  public IdentityCard read(Path file) {
    String name = String.valueOf(file.getFileName());
    if (Files.isDirectory(file)) {
      throw InvalidInputException.of(
          "sync.card.unreadable", "Cannot read the identity card " + file + ".", name);
    }
    try {
      if (Files.size(file) > MAX_CARD_BYTES) { // a card is about 600 bytes
        throw InvalidInputException.of(
            "sync.card.refused.NOT_A_CARD",
            file + ": this is not a Passerelle identity card.",
            name);
      }
      return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), name);
    } catch (java.nio.charset.CharacterCodingException e) { // a picture, a PDF...
      throw InvalidInputException.of(
          "sync.card.refused.NOT_A_CARD", file + ": this is not a Passerelle identity card.", name);
    } catch (IOException e) {
      throw InvalidInputException.of(
          "sync.card.unreadable",
          "Cannot read the identity card " + file + ": " + e.getMessage(),
          name);
    }
  }

  /** Writes this installation's signed card to {@code file} (it holds no secret) and returns it. */
  public IdentityCard writeOwnCard(Path file) {
    IdentityCard card = identity.card();
    try {
      Files.writeString(file, card.json(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.of(
          "sync.card.unwritable",
          "Cannot write " + file + ": " + e.getMessage(),
          String.valueOf(file.getFileName()));
    }
    return card;
  }

  /**
   * Trusts the installation of {@code card}. The same keys under a new replica id (after a restore
   * there) replace the old entry, with checkpoints starting afresh.
   */
  public Peer trust(IdentityCard card) {
    access.require(Permission.SYNC_TRUST);
    if (card.sameKeys(identity.card())) {
      throw InvalidInputException.of(
          "sync.card.own", "This is this installation's own identity card.");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (PeerRecord p : tx.selectFrom(PEER).fetch()) {
                IdentityCard known = IdentityCard.parse(p.getIdentityCard());
                if (known.sameKeys(card) && !p.getReplicaId().equals(card.replicaId())) {
                  p.delete();
                }
              }
              PeerRecord r =
                  tx.selectFrom(PEER).where(PEER.REPLICA_ID.eq(card.replicaId())).fetchOne();
              if (r != null && !IdentityCard.parse(r.getIdentityCard()).sameKeys(card)) {
                throw InvalidInputException.of(
                    "sync.card.clash",
                    "A different installation with the replica id "
                        + card.replicaId()
                        + " is already trusted: revoke it first.",
                    r.getOfficeName(),
                    r.getOrganisation());
              }
              if (r == null) {
                r = tx.newRecord(PEER);
                r.setReplicaId(card.replicaId());
                r.setSentAck(0L);
                r.setReceived(0L);
              }
              r.setOfficeName(card.office());
              r.setOrganisation(card.organisation());
              r.setOfficeKind(card.kind());
              r.setIdentityCard(card.json());
              r.setFingerprint(card.fingerprint());
              r.setTrustedAt(clock.offsetNow());
              r.setRevokedAt(null);
              r.store();
              Directory.learn(
                  tx,
                  clock.offsetNow(),
                  card.replicaId(),
                  card.organisation(),
                  card.office(),
                  Directory.Source.CARD);
              access
                  .audit()
                  .record(
                      tx,
                      fr.passerelle.security.AuditAction.SYNC_TRUSTED,
                      null,
                      card.office() + " (" + card.organisation() + ")",
                      "replica " + card.replicaId() + " fingerprint " + card.fingerprint());
              return toPeer(r);
            });
  }

  /** Refuses the replica's files from now on and stops encrypting to it. */
  public Peer revoke(UUID replica) {
    access.require(Permission.SYNC_TRUST);
    return db.dsl()
        .transactionResult(
            cfg -> {
              PeerRecord r =
                  cfg.dsl().selectFrom(PEER).where(PEER.REPLICA_ID.eq(replica)).fetchOne();
              if (r == null) {
                throw InvalidInputException.of(
                    "sync.peer.unknown",
                    "No peer with the replica id " + replica + ": see 'sync peers'.");
              }
              if (r.getRevokedAt() == null) {
                r.setRevokedAt(clock.offsetNow());
                r.update();
                access
                    .audit()
                    .record(
                        cfg.dsl(),
                        fr.passerelle.security.AuditAction.SYNC_REVOKED,
                        null,
                        r.getOfficeName() + " (" + r.getOrganisation() + ")",
                        "replica " + replica);
              }
              return toPeer(r);
            });
  }

  public List<Peer> all() {
    return db.dsl()
        .selectFrom(PEER)
        .orderBy(PEER.ORGANISATION, PEER.OFFICE_NAME)
        .fetch(Peers::toPeer);
  }

  public Optional<Peer> find(UUID replica) {
    return db.dsl()
        .selectFrom(PEER)
        .where(PEER.REPLICA_ID.eq(replica))
        .fetchOptional(Peers::toPeer);
  }

  /** Trusted, not revoked peers. */
  public List<Peer> active() {
    return all().stream().filter(p -> !p.revoked()).toList();
  }

  /** The peer holding these keys, whatever its replica id now. */
  static Optional<PeerRecord> byKeys(DSLContext tx, IdentityCard card) {
    return tx.selectFrom(PEER).fetch().stream()
        .filter(p -> IdentityCard.parse(p.getIdentityCard()).sameKeys(card))
        .findFirst();
  }

  static Peer toPeer(PeerRecord r) {
    return new Peer(
        r.getReplicaId(),
        r.getOfficeName(),
        r.getOrganisation(),
        r.getOfficeKind(),
        r.getFingerprint(),
        r.getTrustedAt(),
        r.getRevokedAt(),
        r.getSentAck(),
        r.getReceived(),
        r.getLastExportAt(),
        r.getLastImportAt());
  }
}
