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

  public synchronized LocalKeys keys() {
    if (keys == null) {
      keys = LocalKeys.loadOrCreate(db.dataDir());
    }
    return keys;
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
