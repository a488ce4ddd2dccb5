package fr.passerelle.db;

import java.util.UUID;

/**
 * The sync columns of one local write: its dot (replica, seq), its HLC and the local change
 * sequence at which the stored version changed.
 */
public record Stamp(UUID replica, long seq, long hlc, long changeSeq) {}
