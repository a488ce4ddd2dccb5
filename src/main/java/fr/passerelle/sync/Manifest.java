package fr.passerelle.sync;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inner manifest of a sync file (encrypted, signed): who sent it, for whom, which changes it
 * carries ({@code from}, per recipient, to {@code to}), what the sender acknowledges, and how many
 * bytes the payload's rows take once decompressed ({@code payloadSize}: the bound the receiver
 * decompresses to, ADR 0086; absent from files of earlier versions).
 */
public record Manifest(
    int format,
    String schema,
    String createdAt,
    Sender sender,
    List<Recipient> recipients,
    long to,
    boolean full,
    Map<String, Long> counts,
    List<Directory.Entry> directory,
    Long payloadSize) {

  /** The sending installation, with its identity card (its keys identify it after a restore). */
  public record Sender(
      UUID replicaId, String office, String organisation, String kind, String card) {}

  /** A recipient replica: our {@code sent_ack} for it and our {@code received} from it. */
  public record Recipient(
      UUID replicaId, String office, String organisation, long from, long ack) {}

  public long rows() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public Recipient recipient(UUID replica) {
    return recipients.stream().filter(r -> r.replicaId().equals(replica)).findFirst().orElse(null);
  }
}
