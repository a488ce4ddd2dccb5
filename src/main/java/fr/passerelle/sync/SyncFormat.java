package fr.passerelle.sync;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The layout of a {@code .passerelle} file, protocol v1 (docs/sync.md). A ZIP whose clear entries
 * are only the format version and, per recipient, the payload key wrapped by HPKE; the payload
 * (gzip'd NDJSON) and the inner manifest are encrypted with the payload key (Tink streaming AEAD).
 * The manifest is signed over length-prefixed, tagged SHA-256 hashes of every part.
 */
final class SyncFormat {
  static final int FORMAT = 1;
  static final String EXTENSION = ".passerelle";
  static final String FORMAT_ENTRY = "passerelle-sync";
  static final String KEY_PREFIX = "key/";
  static final String PAYLOAD_ENTRY = "payload";
  static final String MANIFEST_ENTRY = "manifest";
  static final byte[] FORMAT_BYTES =
      ("passerelle-sync\nformat=" + FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
  static final byte[] PAYLOAD_AAD =
      "passerelle-sync-v1/payload".getBytes(StandardCharsets.US_ASCII);
  static final byte[] MANIFEST_AAD =
      "passerelle-sync-v1/manifest".getBytes(StandardCharsets.US_ASCII);
  static final Pattern KEY_ENTRY =
      Pattern.compile("key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A part's name, length and SHA-256, as signed. */
  record PartHash(String tag, long length, byte[] sha256) {}

  private SyncFormat() {}

  static byte[] keyContext(UUID recipient) {
    return ("passerelle-sync-v1/key/" + recipient).getBytes(StandardCharsets.US_ASCII);
  }

  /** The message the sender signs: every part's tag, length and hash, in file order. */
  static byte[] signedMessage(List<PartHash> parts) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write("passerelle-sync-v1/signed-parts".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(parts.size());
      for (PartHash p : parts) {
        byte[] tag = p.tag().getBytes(StandardCharsets.UTF_8);
        out.writeInt(tag.length);
        out.write(tag);
        out.writeLong(p.length());
        out.writeInt(p.sha256().length);
        out.write(p.sha256());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Version-order comparison of Flyway schema versions ("6" < "10", "6.1" > "6"). */
  static int compareSchema(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
