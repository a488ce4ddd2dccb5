package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.jooq.Tables.PEER;
import static fr.passerelle.db.jooq.Tables.SYNC_LOG;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import fr.passerelle.core.CancelledException;
import fr.passerelle.core.FileNames;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.PeerRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Writes sync files: to one peer, or to every peer (one file per organisation), incremental from
 * each recipient's acknowledged checkpoint or full. Rows are streamed from the database through
 * gzip and the streaming AEAD into a temp file beside the target, renamed when complete: a failure
 * (disk full) leaves any previous file intact.
 */
public final class SyncExporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;
  private final Identity identity;
  private final UnaryOperator<OutputStream> sink;
  private final Access access;
  private final ReplicatedWriter writer;
  private final WallClock clock;

  /** What was written. */
  public record Result(Path file, String organisation, List<Peer> recipients, Manifest manifest) {}

  SyncExporter(
      Database db,
      Identity identity,
      UnaryOperator<OutputStream> sink,
      ReplicatedWriter writer,
      WallClock clock,
      Access access) {
    this.clock = clock;
    this.access = access;
    this.writer = writer;
    this.db = db;
    this.identity = identity;
    this.sink = sink;
  }

  /** A file for one peer; {@code out} may be a folder (a name is chosen). */
  public Result exportTo(UUID replica, Path out, boolean full, Progress progress) {
    access.require(Permission.SYNC_EXCHANGE);
    PeerRecord p =
        db.dsl()
            .selectFrom(PEER)
            .where(PEER.REPLICA_ID.eq(replica))
            .fetchOptional()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                            "No trusted peer with the replica id "
                                + replica
                                + ": see 'sync peers'.")
                        .keyed("sync.export.unknownPeer"));
    if (p.getRevokedAt() != null) {
      throw new InvalidInputException(
              "The peer "
                  + p.getOfficeName()
                  + " ("
                  + replica
                  + ") is revoked: nothing is sent to it.")
          .keyed("sync.export.revoked", p.getOfficeName());
    }
    Path file = Files.isDirectory(out) ? out.resolve(fileName(p.getOrganisation())) : out;
    return write(List.of(p), file, full, progress);
  }

  /** One file per organisation with trusted, not revoked peers, into folder {@code dir}. */
  public List<Result> exportAll(Path dir, boolean full, Progress progress) {
    access.require(Permission.SYNC_EXCHANGE);
    Map<String, List<PeerRecord>> byOrg =
        db
            .dsl()
            .selectFrom(PEER)
            .where(PEER.REVOKED_AT.isNull())
            .orderBy(PEER.ORGANISATION)
            .fetch()
            .stream()
            .collect(
                Collectors.groupingBy(
                    PeerRecord::getOrganisation, LinkedHashMap::new, Collectors.toList()));
    if (byOrg.isEmpty()) {
      throw new InvalidInputException("No trusted peer yet: trust an identity card first.")
          .keyed("sync.export.noPeer");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot create the folder " + dir + ": " + e.getMessage())
          .keyed("sync.export.folder", String.valueOf(dir));
    }
    List<Result> results = new ArrayList<>();
    for (var e : byOrg.entrySet()) {
      results.add(write(e.getValue(), dir.resolve(fileName(e.getKey())), full, progress));
    }
    return results;
  }

  private String fileName(String organisation) {
    String stamp = fr.passerelle.core.DateFormats.FILE_STAMP.format(clock.localNow());
    return FileNames.part(identity.office().name(), "office")
        + "_to_"
        + FileNames.part(organisation, "office")
        + "_"
        + stamp
        + SyncFormat.EXTENSION;
  }

  private Result write(List<PeerRecord> peers, Path file, boolean full, Progress progress) {
    var office = identity.office();
    String own = office.organisation();
    String to = peers.get(0).getOrganisation();
    DSLContext ctx = db.dsl();
    ctx.transaction(
        cfg -> {
          Directory.ensureSelf(cfg.dsl(), clock.offsetNow(), own, office.name());
          // this installation's audit entries written since the last export become versions to
          // send (to the offices of its organisation only: ExportPlan, ADR 0107)
          fr.passerelle.db.AuditChain.publish(cfg.dsl(), writer);
        });
    long toSeq = ReplicatedWriter.currentReplica(ctx).getChangeSeq();
    List<Manifest.Recipient> recipients = new ArrayList<>();
    long from = Long.MAX_VALUE;
    for (PeerRecord p : peers) {
      long f = full ? 0 : p.getSentAck();
      from = Math.min(from, f);
      recipients.add(
          new Manifest.Recipient(
              p.getReplicaId(), p.getOfficeName(), p.getOrganisation(), f, p.getReceived()));
    }
    ExportPlan plan = new ExportPlan(own, to, from);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    Manifest manifest;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".passerelle-", ".part");
      manifest = writeFile(tmp, peers, recipients, plan, toSeq, full, own, progress);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(
              "Cannot write the sync file "
                  + file
                  + " ("
                  + e.getMessage()
                  + "). Nothing was sent; any previous file there is intact: free some space or"
                  + " choose another folder, then prepare the file again.",
              e)
          .keyed("sync.export.write", String.valueOf(file.getFileName()));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
    ctx.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          for (PeerRecord p : peers) {
            tx.update(PEER)
                .set(PEER.LAST_EXPORT_AT, clock.offsetNow())
                .where(PEER.REPLICA_ID.eq(p.getReplicaId()))
                .execute();
          }
          tx.insertInto(SYNC_LOG)
              .set(SYNC_LOG.AT, clock.offsetNow())
              .set(SYNC_LOG.DIRECTION, "EXPORT")
              .set(SYNC_LOG.PEER_REPLICA, peers.size() == 1 ? peers.get(0).getReplicaId() : null)
              .set(SYNC_LOG.FILE_NAME, file.toString())
              .set(SYNC_LOG.FROM_SEQ, plan.sameOrganisation() ? recipients.get(0).from() : null)
              .set(SYNC_LOG.TO_SEQ, toSeq)
              .set(SYNC_LOG.ROW_COUNT, manifest.rows())
              .set(SYNC_LOG.OUTCOME, "OK")
              .set(SYNC_LOG.REPORT, "to " + to + ": " + manifest.counts())
              .execute();
          // who received what about whom, for a person's subject-access request (ADR 0117)
          Disclosures.record(tx, plan, toSeq, to, clock.offsetNow());
        });
    access
        .audit()
        .record(
            fr.passerelle.security.AuditAction.EXPORT,
            null,
            file.toAbsolutePath().toString(),
            "SYNC to "
                + to
                + (full ? " (full)" : "")
                + ": "
                + manifest.rows()
                + " rows "
                + manifest.counts());
    return new Result(file, to, peers.stream().map(Peers::toPeer).toList(), manifest);
  }

  private Manifest writeFile(
      Path tmp,
      List<PeerRecord> peers,
      List<Manifest.Recipient> recipients,
      ExportPlan plan,
      long toSeq,
      boolean full,
      String own,
      Progress progress)
      throws IOException, GeneralSecurityException {
    KeysetHandle payloadKey = Crypto.generate(Crypto.STREAMING_TEMPLATE);
    StreamingAead aead = Crypto.streaming(payloadKey);
    byte[] keyBytes = Crypto.secretBytes(payloadKey);
    List<SyncFormat.PartHash> parts = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (OutputStream raw = sink.apply(Files.newOutputStream(tmp));
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.setLevel(Deflater.NO_COMPRESSION);
      parts.add(entry(zip, SyncFormat.FORMAT_ENTRY, SyncFormat.FORMAT_BYTES));
      for (PeerRecord p : peers) {
        IdentityCard card = IdentityCard.parse(p.getIdentityCard());
        byte[] wrapped =
            Crypto.encrypter(card.encryptionKey())
                .encrypt(keyBytes, SyncFormat.keyContext(p.getReplicaId()));
        parts.add(entry(zip, SyncFormat.KEY_PREFIX + p.getReplicaId(), wrapped));
      }
      zip.putNextEntry(new ZipEntry(SyncFormat.PAYLOAD_ENTRY));
      MessageDigest sha = Fingerprint.sha256();
      CountingOutputStream counted =
          new CountingOutputStream(new DigestOutputStream(shield(zip), sha));
      CountingOutputStream plain =
          new CountingOutputStream(
              new GZIPOutputStream(
                  aead.newEncryptingStream(counted, SyncFormat.PAYLOAD_AAD), 1 << 16));
      try (JsonGenerator g = JSON.getFactory().createGenerator(plain)) {
        g.setRootValueSeparator(null);
        writeRows(g, plan, counts, progress);
      }
      zip.closeEntry();
      parts.add(new SyncFormat.PartHash(SyncFormat.PAYLOAD_ENTRY, counted.count, sha.digest()));
      var office = identity.office();
      Manifest manifest =
          new Manifest(
              SyncFormat.FORMAT,
              Schema.version(db.dsl()),
              clock.offsetNow().toString(),
              new Manifest.Sender(
                  identity.replicaId(),
                  office.name(),
                  own,
                  office.kind().name(),
                  identity.card().json()),
              recipients,
              toSeq,
              full,
              counts,
              Directory.entries(
                  db.dsl(),
                  plan.sameOrganisation()
                      ? org.jooq.impl.DSL.trueCondition()
                      : fr.passerelle.db.jooq.Tables.SYNC_DIRECTORY.ORGANISATION.eq(own)),
              plain.count);
      byte[] manifestJson = JSON.writeValueAsBytes(manifest);
      parts.add(
          new SyncFormat.PartHash(
              SyncFormat.MANIFEST_ENTRY,
              manifestJson.length,
              Fingerprint.sha256().digest(manifestJson)));
      byte[] signature = identity.keys().sign(SyncFormat.signedMessage(parts));
      zip.putNextEntry(new ZipEntry(SyncFormat.MANIFEST_ENTRY));
      try (java.io.DataOutputStream d =
          new java.io.DataOutputStream(
              aead.newEncryptingStream(shield(zip), SyncFormat.MANIFEST_AAD))) {
        d.writeInt(manifestJson.length);
        d.write(manifestJson);
        d.writeInt(signature.length);
        d.write(signature);
      }
      zip.closeEntry();
      zip.finish();
      raw.flush();
      return manifest;
    }
  }

  private void writeRows(JsonGenerator g, ExportPlan plan, Map<String, Long> counts, Progress p)
      throws IOException {
    long done = 0;
    for (Table<?> t : ExportPlan.tableOrder()) {
      Optional<Condition> which = plan.rows(t);
      if (which.isEmpty()) {
        continue;
      }
      Field<?>[] fields =
          Arrays.stream(t.fields())
              .filter(f -> !f.getName().equalsIgnoreCase(CHANGE_SEQ.getName()))
              .toArray(Field[]::new);
      long n = 0;
      try (Cursor<Record> c =
          db.dsl().select(fields).from(t).where(which.get()).fetchSize(1000).fetchLazy()) {
        for (Record r : c) {
          if (n == 0) {
            g.writeStartObject();
            g.writeStringField("table", t.getName());
            g.writeArrayFieldStart("columns");
            for (Field<?> f : fields) {
              g.writeString(f.getName());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
          }
          g.writeStartArray();
          for (int i = 0; i < fields.length; i++) {
            RowCodec.write(g, r.get(i));
          }
          g.writeEndArray();
          g.writeRaw('\n');
          n++;
          if (++done % 5000 == 0) {
            if (p.isCancelled()) {
              throw new CancelledException();
            }
            p.update(done, -1, t.getName());
          }
        }
      }
      if (n > 0) {
        counts.put(t.getName(), n);
      }
    }
  }

  private static SyncFormat.PartHash entry(ZipOutputStream zip, String name, byte[] bytes)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
    return new SyncFormat.PartHash(name, bytes.length, Fingerprint.sha256().digest(bytes));
  }

  /** The zip entry's stream, which the encrypting stream must not close. */
  private static OutputStream shield(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
