package fr.passerelle.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import java.io.BufferedInputStream;
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
import java.util.HashMap;
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
 * Opens a sync file for import, doing no work on the payload before it knows it should (ADR 0086):
 * copies the file to a private temp file; reads its ZIP directory (entries known, in the order of
 * the format, none twice, sizes within bounds: the parts are ciphertext, they cannot inflate past
 * the file's own size); reads the format, our wrapped key and the manifest, so that the caller
 * checks the recipients and the sender before anything else. Only then {@link #hashParts} streams
 * every part once (never reading more than the directory declares) for the signature check, and
 * {@link #payload} decrypts and decompresses the payload, never past the size the signed manifest
 * declares. Nothing here touches the database; every refusal is a {@link SyncRefusedException}
 * naming the cause.
 */
final class SyncFileReader implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int SMALL_PART_LIMIT = 1 << 20;
  private static final int MANIFEST_LIMIT = 64 << 20;

  /**
   * A payload whose manifest does not declare its size (files of earlier versions) may inflate to
   * this many times its encrypted size, at least {@link #UNDECLARED_MIN} bytes; NDJSON of real rows
   * compresses about 6 to 10 times (docs/benchmarks.md).
   */
  static final int UNDECLARED_RATIO = 100;

  static final long UNDECLARED_MIN = 64L << 20;

  /** A declared payload size above this many times its encrypted size is no real file. */
  static final int DECLARED_RATIO = 1000;

  private final Path source;
  private Path copy;
  private boolean kept;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Long> declared = new HashMap<>();
  private final List<SyncFormat.PartHash> parts = new ArrayList<>();
  private final Map<String, byte[]> small = new LinkedHashMap<>();
  private Manifest manifest;
  private byte[] manifestJson;
  private byte[] signature;
  private StreamingAead aead;
  private UUID addressedTo;
  private boolean hashed;

  private SyncFileReader(Path source, Path copy) {
    this.source = source;
    this.copy = copy;
  }

  /**
   * Copies the file into {@code tempDir} (the data folder's own, emptied at each start) and reads
   * what says who sent it and for whom (not the payload); {@code ours} are our replica ids, current
   * first.
   */
  static SyncFileReader open(Path file, Path tempDir, LocalKeys keys, List<UUID> ours) {
    if (!Files.isRegularFile(file)) {
      throw fr.passerelle.core.InvalidInputException.of(
          "sync.refused.noFile", "No such file: " + file, String.valueOf(file.getFileName()));
    }
    Path copy;
    try {
      copy = privateTempFile(tempDir);
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw (fr.passerelle.core.InvalidInputException)
          new fr.passerelle.core.InvalidInputException(
                  "Cannot copy " + file + " to a temporary file: " + e.getMessage(), e)
              .keyed("sync.refused.cannotCopy", String.valueOf(file.getFileName()));
    }
    SyncFileReader r = new SyncFileReader(file, copy);
    try {
      r.head(keys, ours);
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

  /** Refused: {@code key} says it in a window, with the file's name as its first argument. */
  private SyncRefusedException refused(String key, String why, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = String.valueOf(source.getFileName());
    System.arraycopy(args, 0, all, 1, args.length);
    return SyncRefusedException.of(key, source.getFileName() + ": " + why, all);
  }

  private SyncRefusedException damaged(String detail) {
    return refused(
        "sync.refused.damaged",
        "the file is damaged or was altered ("
            + detail
            + "): nothing was imported. Ask the sender for the file again.");
  }

  private static boolean known(String name) {
    return name.equals(SyncFormat.FORMAT_ENTRY)
        || name.equals(SyncFormat.PAYLOAD_ENTRY)
        || name.equals(SyncFormat.MANIFEST_ENTRY)
        || SyncFormat.KEY_ENTRY.matcher(name).matches();
  }

  private long limit(String name, long fileSize) {
    if (name.equals(SyncFormat.PAYLOAD_ENTRY)) {
      return fileSize;
    }
    return name.equals(SyncFormat.MANIFEST_ENTRY) ? MANIFEST_LIMIT : SMALL_PART_LIMIT;
  }

  /**
   * The ZIP directory, then the format, our key and the manifest, read through it (a few KB):
   * nothing of the payload is read.
   */
  private void head(LocalKeys keys, List<UUID> ours) {
    long fileSize;
    try (ZipFile zf = new ZipFile(copy.toFile())) {
      fileSize = Files.size(copy);
      Set<String> seen = new HashSet<>();
      for (ZipEntry e : java.util.Collections.list(zf.entries())) {
        String name = e.getName();
        if (!seen.add(name)) {
          throw damaged("the entry " + name + " appears twice");
        }
        if (!known(name)) {
          throw damaged("unexpected entry " + name);
        }
        if (e.getSize() < 0 || e.getSize() > limit(name, fileSize)) {
          throw damaged(
              "the entry "
                  + name
                  + " claims "
                  + e.getSize()
                  + " bytes, more than a sync file of "
                  + fileSize
                  + " bytes can hold");
        }
        names.add(name);
        declared.put(name, e.getSize());
      }
      checkFormat(read(zf, SyncFormat.FORMAT_ENTRY));
      checkOrder();
      unwrap(zf, keys, ours);
      readManifest(read(zf, SyncFormat.MANIFEST_ENTRY));
    } catch (IOException e) {
      throw refused(
          "sync.refused.notSyncFile",
          "this is not a Passerelle sync file, or it is truncated ("
              + e.getMessage()
              + "). Ask the sender for the file again.");
    }
  }

  /** An entry read through the ZIP directory, never past its declared size. */
  private byte[] read(ZipFile zf, String name) throws IOException {
    ZipEntry e = zf.getEntry(name);
    if (e == null) {
      return null;
    }
    try (InputStream in = zf.getInputStream(e)) {
      byte[] b = in.readNBytes((int) declared.get(name).longValue() + 1);
      if (b.length != declared.get(name)) {
        throw damaged("the entry " + name + " does not hold the size its ZIP directory says");
      }
      small.put(name, b);
      return b;
    }
  }

  private void checkFormat(byte[] format) {
    if (format == null) {
      throw refused(
          "sync.refused.notSyncFile", "this is not a Passerelle sync file (no format entry).");
    }
    if (!Arrays.equals(format, SyncFormat.FORMAT_BYTES)) {
      String text = new String(format, java.nio.charset.StandardCharsets.US_ASCII);
      String version = text.startsWith("passerelle-sync\nformat=") ? text.substring(23) : "";
      if (version.matches("[0-9]{1,9}\n")
          && Integer.parseInt(version.strip()) > SyncFormat.FORMAT) {
        throw refused(
            "sync.refused.newer",
            "the file was made by a newer Passerelle (sync format "
                + version.strip()
                + ", this version reads "
                + SyncFormat.FORMAT
                + "): update Passerelle, then import it again.");
      }
      throw refused(
          "sync.refused.notSyncFile",
          "this is not a Passerelle sync file (or its first part is damaged).");
    }
  }

  /** ADR 0060: the format, one or more keys, the payload, the manifest — in this order. */
  private void checkOrder() {
    if (!names.contains(SyncFormat.MANIFEST_ENTRY) || !names.contains(SyncFormat.PAYLOAD_ENTRY)) {
      throw damaged("a part is missing");
    }
    int keys = names.size() - 3;
    boolean ordered =
        keys >= 1
            && names.get(0).equals(SyncFormat.FORMAT_ENTRY)
            && names.subList(1, 1 + keys).stream()
                .allMatch(n -> SyncFormat.KEY_ENTRY.matcher(n).matches())
            && names.get(1 + keys).equals(SyncFormat.PAYLOAD_ENTRY)
            && names.get(2 + keys).equals(SyncFormat.MANIFEST_ENTRY);
    if (!ordered) {
      throw damaged(
          "its parts are not in the order of the format: "
              + String.join(", ", names)
              + " (expected passerelle-sync, key/…, payload, manifest)");
    }
  }

  /**
   * Pass over every part as stored, in file order: names and sizes as the ZIP directory declares
   * (never reading past them), the small parts identical to those read through the directory, each
   * part hashed for the signature.
   */
  void hashParts() {
    List<String> local = new ArrayList<>();
    try (ZipInputStream zin =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(copy), 1 << 16))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        String name = e.getName();
        Long size = declared.get(name);
        if (size == null || local.contains(name)) {
          throw damaged("its ZIP directory does not match its contents");
        }
        local.add(name);
        MessageDigest sha = Fingerprint.sha256();
        byte[] buf = new byte[1 << 16];
        long len = 0;
        for (int n = zin.read(buf); n >= 0; n = zin.read(buf)) {
          len += n;
          if (len > size) {
            throw damaged(
                "the entry " + name + " inflates past the " + size + " bytes its directory says");
          }
          sha.update(buf, 0, n);
        }
        byte[] digest = sha.digest();
        byte[] head = small.get(name);
        if (len != size
            || head != null && !Arrays.equals(digest, Fingerprint.sha256().digest(head))) {
          throw damaged("its ZIP directory does not match its contents");
        }
        parts.add(new SyncFormat.PartHash(name, len, digest));
      }
    } catch (IOException e) {
      throw damaged(e.getMessage());
    }
    if (!local.equals(names)) {
      throw damaged("its ZIP directory does not match its contents");
    }
    parts.add(
        new SyncFormat.PartHash(
            SyncFormat.MANIFEST_ENTRY + "/signed",
            manifestJson.length,
            Fingerprint.sha256().digest(manifestJson)));
    hashed = true;
  }

  private void unwrap(ZipFile zf, LocalKeys keys, List<UUID> ours) throws IOException {
    for (UUID me : ours) {
      byte[] wrapped = read(zf, SyncFormat.KEY_PREFIX + me);
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
        "sync.refused.notForUs",
        "this file is not addressed to this office (it was made for another installation, or"
            + " before this office's keys were trusted by the sender). Ask the sender for a file"
            + " made for this office.");
  }

  private void readManifest(byte[] enc) {
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
      manifestJson = json;
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
    if (!hashed) {
      throw new IllegalStateException("hashParts first");
    }
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

  /**
   * The most the payload may inflate to: the size the signed manifest declares, refused outright if
   * no real file could compress that much; for files of earlier versions, which declare none, a
   * bound from the encrypted size.
   */
  long payloadBound() {
    long encrypted = declared.get(SyncFormat.PAYLOAD_ENTRY);
    Long size = manifest.payloadSize();
    if (size == null) {
      return Math.max(UNDECLARED_MIN, UNDECLARED_RATIO * encrypted);
    }
    if (size < 0 || size > DECLARED_RATIO * encrypted + SMALL_PART_LIMIT) {
      throw damaged(
          "its manifest says the payload inflates to "
              + size
              + " bytes, from "
              + encrypted
              + ": no real sync file compresses that much");
    }
    return size;
  }

  /** Pass 2, once the signature is checked: the decrypted, decompressed payload (NDJSON). */
  InputStream payload() throws IOException {
    if (!hashed) {
      throw new IllegalStateException("hashParts and verify first");
    }
    long bound = payloadBound();
    ZipInputStream zin =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(copy), 1 << 16));
    for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
      if (e.getName().equals(SyncFormat.PAYLOAD_ENTRY)) {
        try {
          return new Bounded(
              new GZIPInputStream(aead.newDecryptingStream(zin, SyncFormat.PAYLOAD_AAD), 1 << 16),
              bound);
        } catch (GeneralSecurityException ex) {
          zin.close();
          throw new IOException(ex);
        }
      }
    }
    zin.close();
    throw new IOException("no payload");
  }

  /** Stops, refusing the file, when the payload inflates past its bound. */
  private final class Bounded extends java.io.FilterInputStream {
    private final long bound;
    private long count;

    Bounded(InputStream in, long bound) {
      super(in);
      this.bound = bound;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, (int) Math.min(len, bound - count + 1));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(long n) {
      count += n;
      if (count > bound) {
        throw damaged(
            "its payload inflates past the "
                + bound
                + " bytes its manifest declares; stopped there");
      }
    }
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
