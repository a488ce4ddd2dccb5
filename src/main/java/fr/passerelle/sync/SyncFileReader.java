package fr.passerelle.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Opens a sync file for import: copies it to a private temp file, checks the ZIP structure (no
 * duplicate or unknown entry), hashes every part, unwraps the payload key addressed to us, decrypts
 * the manifest and keeps what is needed to verify the signature. Nothing here touches the database;
 * every refusal is a {@link SyncRefusedException} naming the cause.
 */
final class SyncFileReader implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int SMALL_PART_LIMIT = 1 << 20;
  private static final int MANIFEST_LIMIT = 64 << 20;

  private final Path source;
  private Path copy;
  private boolean kept;
  private final List<SyncFormat.PartHash> parts = new ArrayList<>();
  private final Map<String, byte[]> small = new LinkedHashMap<>();
  private Manifest manifest;
  private byte[] signature;
  private StreamingAead aead;
  private UUID addressedTo;

  private SyncFileReader(Path source, Path copy) {
    this.source = source;
    this.copy = copy;
  }

  /**
   * Copies the file into {@code tempDir} (the data folder's own, emptied at each start) and checks
   * it; {@code ours} are our replica ids, current first.
   */
  static SyncFileReader open(Path file, Path tempDir, LocalKeys keys, List<UUID> ours) {
    if (!Files.isRegularFile(file)) {
      throw new fr.passerelle.core.InvalidInputException("No such file: " + file);
    }
    Path copy;
    try {
      copy = privateTempFile(tempDir);
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new fr.passerelle.core.InvalidInputException(
          "Cannot copy " + file + " to a temporary file: " + e.getMessage(), e);
    }
    SyncFileReader r = new SyncFileReader(file, copy);
    try {
      r.scan();
      r.unwrap(keys, ours);
      r.readManifest();
      return r;
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  private static Path privateTempFile(Path dir) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          "passerelle-import-",
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, "passerelle-import-", ".tmp");
    }
  }

  /** The private copy being read. */
  Path copyPath() {
    return copy;
  }

  /**
   * Moves the private copy to {@code to} and keeps it after {@link #close}: a chunked import that
   * is interrupted resumes from it (ADR 0080).
   */
  void keepAs(Path to) throws IOException {
    Files.move(copy, to, StandardCopyOption.ATOMIC_MOVE);
    copy = to;
    kept = true;
  }

  private SyncRefusedException refused(String why) {
    return new SyncRefusedException(source.getFileName() + ": " + why);
  }

  private SyncRefusedException damaged(String detail) {
    return refused(
        "the file is damaged or was altered ("
            + detail
            + "): nothing was imported. Ask the sender for the file again.");
  }

  /** Pass 1: entries in order, names checked against the central directory, parts hashed. */
  private void scan() {
    List<String> central = new ArrayList<>();
    try (ZipFile zf = new ZipFile(copy.toFile())) {
      zf.stream().forEach(e -> central.add(e.getName()));
    } catch (IOException e) {
      throw refused(
          "this is not a Passerelle sync file, or it is truncated ("
              + e.getMessage()
              + "). Ask the sender for the file again.");
    }
    List<String> local = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (ZipInputStream zin =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(copy), 1 << 16))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        String name = e.getName();
        if (!seen.add(name)) {
          throw damaged("the entry " + name + " appears twice");
        }
        boolean known =
            name.equals(SyncFormat.FORMAT_ENTRY)
                || name.equals(SyncFormat.PAYLOAD_ENTRY)
                || name.equals(SyncFormat.MANIFEST_ENTRY)
                || SyncFormat.KEY_ENTRY.matcher(name).matches();
        if (!known) {
          throw damaged("unexpected entry " + name);
        }
        local.add(name);
        MessageDigest sha = Fingerprint.sha256();
        boolean keep = !name.equals(SyncFormat.PAYLOAD_ENTRY);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long len = 0;
        for (int n = zin.read(buf); n >= 0; n = zin.read(buf)) {
          sha.update(buf, 0, n);
          len += n;
          if (keep) {
            int limit = name.equals(SyncFormat.MANIFEST_ENTRY) ? MANIFEST_LIMIT : SMALL_PART_LIMIT;
            if (len > limit) {
              throw damaged("the entry " + name + " is too large");
            }
            kept.write(buf, 0, n);
          }
        }
        parts.add(new SyncFormat.PartHash(name, len, sha.digest()));
        if (keep) {
          small.put(name, kept.toByteArray());
        }
      }
    } catch (IOException e) {
      throw damaged(e.getMessage());
    }
    List<String> a = new ArrayList<>(central);
    List<String> b = new ArrayList<>(local);
    Collections.sort(a);
    Collections.sort(b);
    if (!a.equals(b)) {
      throw damaged("its ZIP directory does not match its contents");
    }
    byte[] format = small.get(SyncFormat.FORMAT_ENTRY);
    if (format == null) {
      throw refused("this is not a Passerelle sync file (no format entry).");
    }
    if (!Arrays.equals(format, SyncFormat.FORMAT_BYTES)) {
      String text = new String(format, java.nio.charset.StandardCharsets.US_ASCII);
      String version = text.startsWith("passerelle-sync\nformat=") ? text.substring(23) : "";
      if (version.matches("[0-9]{1,9}\n")
          && Integer.parseInt(version.strip()) > SyncFormat.FORMAT) {
        throw refused(
            "the file was made by a newer Passerelle (sync format "
                + version.strip()
                + ", this version reads "
                + SyncFormat.FORMAT
                + "): update Passerelle, then import it again.");
      }
      throw refused("this is not a Passerelle sync file (or its first part is damaged).");
    }
    if (!small.containsKey(SyncFormat.MANIFEST_ENTRY) || !seen.contains(SyncFormat.PAYLOAD_ENTRY)) {
      throw damaged("a part is missing");
    }
  }

  private void unwrap(LocalKeys keys, List<UUID> ours) {
    for (UUID me : ours) {
      byte[] wrapped = small.get(SyncFormat.KEY_PREFIX + me);
      if (wrapped == null) {
        continue;
      }
      try {
        byte[] keyset = keys.decrypter().decrypt(wrapped, SyncFormat.keyContext(me));
        KeysetHandle h = Crypto.parseSecret(keyset);
        aead = Crypto.streaming(h);
        addressedTo = me;
        return;
      } catch (GeneralSecurityException e) {
        throw damaged("the key for this office cannot be opened");
      }
    }
    throw refused(
        "this file is not addressed to this office (it was made for another installation, or"
            + " before this office's keys were trusted by the sender). Ask the sender for a file"
            + " made for this office.");
  }

  private void readManifest() {
    byte[] enc = small.get(SyncFormat.MANIFEST_ENTRY);
    try (DataInputStream d =
        new DataInputStream(
            aead.newDecryptingStream(
                new java.io.ByteArrayInputStream(enc), SyncFormat.MANIFEST_AAD))) {
      int n = d.readInt();
      if (n < 0 || n > MANIFEST_LIMIT) {
        throw damaged("manifest length");
      }
      byte[] json = d.readNBytes(n);
      int s = d.readInt();
      if (s < 0 || s > 4096) {
        throw damaged("signature length");
      }
      signature = d.readNBytes(s);
      if (d.read() != -1) {
        throw damaged("trailing bytes after the manifest");
      }
      parts.add(
          new SyncFormat.PartHash(
              SyncFormat.MANIFEST_ENTRY + "/signed",
              json.length,
              Fingerprint.sha256().digest(json)));
      manifest = JSON.readValue(json, Manifest.class);
    } catch (IOException | GeneralSecurityException e) {
      throw damaged("the manifest cannot be decrypted: " + e.getMessage());
    }
  }

  Manifest manifest() {
    return manifest;
  }

  UUID addressedTo() {
    return addressedTo;
  }

  /** The signed message rebuilt from the parts as found, in the sender's order. */
  byte[] signedMessage() {
    List<SyncFormat.PartHash> signed = new ArrayList<>();
    for (SyncFormat.PartHash p : parts) {
      if (p.tag().equals(SyncFormat.MANIFEST_ENTRY)) {
        continue; // the encrypted manifest: its plaintext is signed instead
      }
      if (p.tag().equals(SyncFormat.MANIFEST_ENTRY + "/signed")) {
        signed.add(new SyncFormat.PartHash(SyncFormat.MANIFEST_ENTRY, p.length(), p.sha256()));
      } else {
        signed.add(p);
      }
    }
    return SyncFormat.signedMessage(signed);
  }

  byte[] signature() {
    return signature;
  }

  /** Pass 2: the decrypted, decompressed payload (NDJSON). */
  InputStream payload() throws IOException {
    ZipInputStream zin =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(copy), 1 << 16));
    for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
      if (e.getName().equals(SyncFormat.PAYLOAD_ENTRY)) {
        try {
          return new GZIPInputStream(
              aead.newDecryptingStream(zin, SyncFormat.PAYLOAD_AAD), 1 << 16);
        } catch (GeneralSecurityException ex) {
          zin.close();
          throw new IOException(ex);
        }
      }
    }
    zin.close();
    throw new IOException("no payload");
  }

  @Override
  public void close() {
    if (kept) {
      return;
    }
    try {
      Files.deleteIfExists(copy);
    } catch (IOException ignored) {
      // temp file: best effort
    }
  }
}
