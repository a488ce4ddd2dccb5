package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;

import fr.passerelle.db.jooq.tables.records.PeerRecord;
import java.security.GeneralSecurityException;
import org.jooq.DSLContext;

/**
 * The sender of a sync file, checked before the payload is read (ADR 0086): the file is not from a
 * newer Passerelle, we are a named recipient, the sender is trusted and not revoked; then the parts
 * are hashed and the signature checked. Every failure is a keyed {@link SyncRefusedException}.
 */
final class SenderCheck {
  private SenderCheck() {}

  /**
   * What the check found: the sender's card and peer row, our entry in the file, same organisation.
   */
  record Verified(IdentityCard card, PeerRecord peer, Manifest.Recipient me, boolean sameOrg) {}

  static Verified verify(
      DSLContext dsl, SyncFileReader r, Manifest m, String fileName, String own) {
    if (m.format() > SyncFormat.FORMAT) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file was made by a newer Passerelle (sync format "
                      + m.format()
                      + "): update Passerelle, then import it again.")
              .keyed("sync.refused.newer", fileName));
    }
    String mine = Schema.version(dsl);
    if (m.schema() == null || SyncFormat.compareSchema(m.schema(), mine) > 0) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file was made by a newer Passerelle (database version "
                      + m.schema()
                      + ", this one is "
                      + mine
                      + "): update Passerelle, then import it again.")
              .keyed("sync.refused.newer", fileName));
    }
    Manifest.Recipient me = m.recipient(r.addressedTo());
    if (me == null || m.recipients().size() != countKeys(m)) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": this file was made for "
                      + (m.recipients().isEmpty()
                          ? "another office"
                          : m.recipients().get(0).office())
                      + ", not for this office: it was forwarded. Nothing was imported; ask "
                      + m.sender().office()
                      + " for a file made for this office.")
              .keyed("sync.refused.forwarded", fileName, m.sender().office()));
    }
    IdentityCard card;
    try {
      card = IdentityCard.parse(m.sender().card());
    } catch (IllegalArgumentException e) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName + ": the sender's identity is invalid (" + e.getMessage() + ").")
              .keyed("sync.refused.badSender", fileName));
    }
    PeerRecord peer =
        dsl.selectFrom(PEER)
            .where(PEER.REPLICA_ID.eq(m.sender().replicaId()))
            .fetchOptional()
            .filter(p -> IdentityCard.parse(p.getIdentityCard()).sameKeys(card))
            .or(() -> Peers.byKeys(dsl, card))
            .orElseThrow(
                () ->
                    ((SyncRefusedException)
                        new SyncRefusedException(
                                fileName
                                    + ": the file comes from "
                                    + m.sender().office()
                                    + " ("
                                    + m.sender().organisation()
                                    + ", fingerprint "
                                    + card.fingerprint()
                                    + "), which this office does not trust. Compare the fingerprint with"
                                    + " that office by phone, trust its identity card, then import again.")
                            .keyed(
                                "sync.refused.notTrusted",
                                fileName,
                                m.sender().office(),
                                m.sender().organisation())));
    if (peer.getRevokedAt() != null) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file comes from "
                      + peer.getOfficeName()
                      + ", whose trust was revoked here: it is refused.")
              .keyed("sync.refused.revoked", fileName, peer.getOfficeName()));
    }
    if (!card.replicaId().equals(m.sender().replicaId())) {
      throw ((SyncRefusedException)
          new SyncRefusedException(fileName + ": the sender's identity does not match its file.")
              .keyed("sync.refused.badSender", fileName));
    }
    // Only now is the payload read at all: hashed as stored, never past its declared size.
    r.hashParts();
    try {
      Crypto.verifier(IdentityCard.parse(peer.getIdentityCard()).signingKey())
          .verify(r.signature(), r.signedMessage());
    } catch (GeneralSecurityException e) {
      throw ((SyncRefusedException)
          new SyncRefusedException(
                  fileName
                      + ": the file's signature does not match its contents (damaged or altered):"
                      + " nothing was imported. Ask the sender for the file again.")
              .keyed("sync.refused.damaged", fileName));
    }
    r.payloadBound();
    return new Verified(card, peer, me, peer.getOrganisation().equals(own));
  }

  private static long countKeys(Manifest m) {
    return m.recipients().stream().map(Manifest.Recipient::replicaId).distinct().count();
  }
}
