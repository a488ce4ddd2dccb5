package fr.passerelle.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A trusted (or revoked) installation and our checkpoints with it. */
public record Peer(
    UUID replicaId,
    String office,
    String organisation,
    String kind,
    String fingerprint,
    OffsetDateTime trustedAt,
    OffsetDateTime revokedAt,
    long sentAck,
    long received,
    OffsetDateTime lastExportAt,
    OffsetDateTime lastImportAt) {
  public boolean revoked() {
    return revokedAt != null;
  }
}
