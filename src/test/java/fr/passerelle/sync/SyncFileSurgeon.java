package fr.passerelle.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Opens and rebuilds sync files in tests: as a recipient would, or as an attacker would. */
final class SyncFileSurgeon {
  private static final ObjectMapper JSON = new ObjectMapper();
  final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();

  static SyncFileSurgeon read(Path f) throws IOException {
    SyncFileSurgeon s = new SyncFileSurgeon();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        s.entries.put(e.getName(), z.readAllBytes());
      }
    }
    return s;
  }

  void write(Path f) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  byte[] payloadKey(Node recipient) throws Exception {
    UUID me = recipient.replica();
    return LocalKeys.loadOrCreate(recipient.dir)
        .decrypter()
        .decrypt(entries.get(SyncFormat.KEY_PREFIX + me), SyncFormat.keyContext(me));
  }

  StreamingAead aead(Node recipient) throws Exception {
    return Crypto.streaming(Crypto.parseSecret(payloadKey(recipient)));
  }

  ObjectNode manifest(Node recipient) throws Exception {
    try (DataInputStream d =
        new DataInputStream(
            aead(recipient)
                .newDecryptingStream(
                    new ByteArrayInputStream(entries.get(SyncFormat.MANIFEST_ENTRY)),
                    SyncFormat.MANIFEST_AAD))) {
      byte[] json = d.readNBytes(d.readInt());
      return (ObjectNode) JSON.readTree(json);
    }
  }

  /** The decrypted payload, one NDJSON line each. */
  List<String> payloadLines(Node recipient) throws Exception {
    try (InputStream in =
        new GZIPInputStream(
            aead(recipient)
                .newDecryptingStream(
                    new ByteArrayInputStream(entries.get(SyncFormat.PAYLOAD_ENTRY)),
                    SyncFormat.PAYLOAD_AAD))) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  /** Rewrites the manifest (edited) and signs it again with the sender's own key. */
  void resign(Node recipient, Node sender, Consumer<ObjectNode> edit) throws Exception {
    StreamingAead aead = aead(recipient);
    ObjectNode m = manifest(recipient);
    edit.accept(m);
    byte[] json = JSON.writeValueAsBytes(m);
    List<SyncFormat.PartHash> parts = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!e.getKey().equals(SyncFormat.MANIFEST_ENTRY)) {
        parts.add(hash(e.getKey(), e.getValue()));
      }
    }
    parts.add(hash(SyncFormat.MANIFEST_ENTRY, json));
    byte[] sig = LocalKeys.loadOrCreate(sender.dir).sign(SyncFormat.signedMessage(parts));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream enc = aead.newEncryptingStream(bytes, SyncFormat.MANIFEST_AAD);
        DataOutputStream d = new DataOutputStream(enc)) {
      d.writeInt(json.length);
      d.write(json);
      d.writeInt(sig.length);
      d.write(sig);
    }
    entries.put(SyncFormat.MANIFEST_ENTRY, bytes.toByteArray());
  }

  /**
   * Replaces the payload by {@code edit} of its NDJSON lines, encrypted again with the file's own
   * payload key, the manifest's row counts updated, signed again by {@code sender}: a file its
   * sender made, with whatever rows it chose.
   */
  void rewritePayload(
      Node recipient, Node sender, java.util.function.UnaryOperator<List<String>> edit)
      throws Exception {
    List<String> lines = edit.apply(new ArrayList<>(payloadLines(recipient)));
    byte[] plain = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    replacePayload(recipient, plain);
    Map<String, Long> counts = new LinkedHashMap<>();
    String table = null;
    for (String l : lines) {
      if (l.startsWith("{")) {
        table = JSON.readTree(l).path("table").asText();
      } else if (l.startsWith("[")) {
        counts.merge(table, 1L, Long::sum);
      }
    }
    resign(
        recipient,
        sender,
        m -> {
          m.set("counts", JSON.valueToTree(counts));
          m.put("payloadSize", plain.length);
        });
  }

  /** Replaces the payload by the gzip of {@code plain}, encrypted with the file's payload key. */
  void replacePayload(Node recipient, byte[] plain) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream enc = aead(recipient).newEncryptingStream(bytes, SyncFormat.PAYLOAD_AAD);
        OutputStream gz = new java.util.zip.GZIPOutputStream(enc)) {
      gz.write(plain);
    }
    entries.put(SyncFormat.PAYLOAD_ENTRY, bytes.toByteArray());
  }

  /**
   * Wraps the payload key (read as {@code recipient}) for {@code other} too, as a forwarder would.
   */
  void addRecipient(Node recipient, Node other) throws Exception {
    byte[] key = payloadKey(recipient);
    IdentityCard card = other.sync().identity().card();
    LinkedHashMap<String, byte[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      copy.put(e.getKey(), e.getValue());
      if (e.getKey().startsWith(SyncFormat.KEY_PREFIX)) {
        copy.put(
            SyncFormat.KEY_PREFIX + other.replica(),
            Crypto.encrypter(card.encryptionKey())
                .encrypt(key, SyncFormat.keyContext(other.replica())));
      }
    }
    entries.clear();
    entries.putAll(copy);
  }

  private static SyncFormat.PartHash hash(String tag, byte[] b) {
    return new SyncFormat.PartHash(tag, b.length, Fingerprint.sha256().digest(b));
  }
}
