package fr.passerelle.sync;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeService;
import java.util.UUID;

/** This installation as the sync protocol sees it: office, organisation, replica id and keys. */
public final class Identity {
  private final Database db;
  private final OfficeService offices;
  private LocalKeys keys;

  Identity(Database db, OfficeService offices) {
    this.db = db;
    this.offices = offices;
  }

  /**
   * This installation's keys, made at the first use: sealed under the database's file key when the
   * database is encrypted (ADR 0145), else clear; on the office server, in its database (ADR 0184),
   * the same for every workstation.
   */
  public synchronized LocalKeys keys() {
    if (keys == null) {
      java.util.Optional<fr.passerelle.db.crypto.Sealer> sealer = db.sealer(LocalKeys.SEALER_LABEL);
      keys =
          db.onServer() && sealer.isPresent()
              // the office is one replica: its keys on the server, sealed (ADR 0184)
              ? ServerKeys.loadOrCreate(db, sealer.get())
              : LocalKeys.loadOrCreate(db.dataDir(), sealer);
    }
    return keys;
  }

  /**
   * Seals the keys files still clear in the data folder of an encrypted database (the first sign-in
   * after the upgrade, ADR 0145); nothing to do on a clear database. Returns the files sealed.
   */
  public synchronized java.util.List<java.nio.file.Path> protectKeysAtRest() {
    return db.sealer(LocalKeys.SEALER_LABEL)
        .map(s -> LocalKeys.protect(db.dataDir(), s, step -> {}))
        .orElse(java.util.List.of());
  }

  /** This installation's office; sync needs one. */
  public Office office() {
    return offices
        .current()
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "sync.noOffice",
                    "This installation has no office yet: run 'init' before syncing."));
  }

  public String organisation() {
    return office().organisation();
  }

  public UUID replicaId() {
    return ReplicatedWriter.currentReplica(db.dsl()).getId();
  }

  /** This installation's signed identity card (its replica id may change after a restore). */
  public IdentityCard card() {
    Office o = office();
    return IdentityCard.create(keys(), o.name(), o.organisation(), o.kind().name(), replicaId());
  }
}
