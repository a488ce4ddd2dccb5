package fr.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.crypto.Sealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * This installation's private keys: a file {@code sync-keys.json} in the data folder, readable only
 * by the user (ADR 0061). Created on first use. Kept by {@code restore} (it is not in the
 * database), so partners need not trust the installation again.
 *
 * <p>Beside an encrypted database the private keys are <b>sealed</b> (format 2, ADR 0145):
 * AES-256-GCM under a key derived from the database's file key, so whoever copies the folder reads
 * only the public keys (the fingerprint). A clear file (format 1: an installation before the
 * encryption, or one kept clear with {@code passerelle.keepClearDatabase}) is sealed by {@link
 * #protect} at the first sign-in, without ever leaving the folder without usable keys.
 */
public final class LocalKeys {
  static final String FILE = "sync-keys.json";

  /** The label of the file key's derived key that seals these keys (ADR 0145). */
  public static final String SEALER_LABEL = "passerelle sync keys v1";

  static final int CLEAR = 1;
  static final int SEALED = 2;
  static final String SEALING = ".sealing";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The steps of {@link #protect} for one file, for the tests that interrupt it. */
  public enum Step {
    /** The sealed copy is written beside the clear file ({@value #SEALING}). */
    WRITTEN,
    /** The sealed copy was read back, opened and found to hold the same keys. */
    VERIFIED,
    /** The sealed copy took the clear file's name: the clear file is gone. */
    REPLACED
  }

  private final KeysetHandle signing;
  private final KeysetHandle encryption;

  private LocalKeys(KeysetHandle signing, KeysetHandle encryption) {
    this.signing = signing;
    this.encryption = encryption;
  }

  /** Loads the clear keys of {@code dataDir}, creating them if the folder has none. */
  public static LocalKeys loadOrCreate(Path dataDir) {
    return loadOrCreate(dataDir, Optional.empty());
  }

  /**
   * Loads the keys of {@code dataDir}, creating them if the folder has none: sealed with {@code
   * sealer} when present (an encrypted database), else clear.
   */
  public static synchronized LocalKeys loadOrCreate(Path dataDir, Optional<Sealer> sealer) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        write(file, generate(), sealer);
      }
    } catch (IOException e) {
      throw new DatabaseException(
              "Cannot create this installation's sync keys in "
                  + file
                  + " ("
                  + e.getMessage()
                  + ").",
              e)
          .keyed("sync.keys.cannotCreate", file.toString(), String.valueOf(e.getMessage()));
    }
    return load(file, sealer);
  }

  /** The fingerprint of the keys of {@code dataDir}, if it has any (never creates them). */
  public static Optional<String> fingerprintIn(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    return Files.exists(file) ? Optional.of(fingerprintOf(file)) : Optional.empty();
  }

  /**
   * The fingerprint of a keys file, clear or sealed (a sealed file keeps its public keys readable).
   */
  public static String fingerprintOf(Path file) {
    return fingerprintOf(read(file), file.toString());
  }

  private static String fingerprintOf(JsonNode n, String where) {
    try {
      if (n.path("format").asInt(CLEAR) == SEALED) {
        Base64.Decoder b64 = Base64.getDecoder();
        return Fingerprint.of(
            b64.decode(n.path("signingPublic").asText()),
            b64.decode(n.path("encryptionPublic").asText()));
      }
      return parseClear(n).fingerprint();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw damaged(where, e);
    }
  }

  /** True when the keys file is sealed (format 2). */
  public static boolean sealed(Path file) {
    return read(file).path("format").asInt(CLEAR) == SEALED;
  }

  /**
   * True when {@code sealer} opens the keys file (a clear one: always), so that it may sit beside
   * the database that sealer belongs to.
   */
  public static boolean opensWith(Path file, Optional<Sealer> sealer) {
    try {
      load(file, sealer);
      return true;
    } catch (DatabaseException e) {
      return false;
    }
  }

  /** Reads a clear keys file (a data folder's {@value #FILE} of format 1). */
  public static LocalKeys load(Path file) {
    return load(file, Optional.empty());
  }

  /** Reads a keys file, opening a sealed one with {@code sealer}. */
  static LocalKeys load(Path file, Optional<Sealer> sealer) {
    return parse(read(file), file.toString(), sealer);
  }

  /**
   * The keys of {@code content}, a keys file's bytes kept elsewhere ({@code where}: the office
   * server's table, ADR 0184), a sealed one opened with {@code sealer}.
   */
  static LocalKeys parse(byte[] content, String where, Optional<Sealer> sealer) {
    try {
      JsonNode n = JSON.readTree(content);
      if (n == null || !n.isObject()) {
        throw new IOException("not a JSON object");
      }
      return parse(n, where, sealer);
    } catch (IOException e) {
      throw damaged(where, e);
    }
  }

  /** The content of a keys file holding these keys, sealed with {@code sealer}. */
  byte[] sealedContent(Sealer sealer) {
    try {
      return sealedJson(this, sealer);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** New keys, kept nowhere yet. */
  static LocalKeys fresh() {
    return generate();
  }

  private static LocalKeys parse(JsonNode n, String file, Optional<Sealer> sealer) {
    try {
      if (n.path("format").asInt(CLEAR) != SEALED) {
        return parseClear(n);
      }
      if (sealer.isEmpty()) {
        throw new DatabaseException(
                "This installation's sync keys in "
                    + file
                    + " are sealed by an encrypted database's key, and this database is not"
                    + " encrypted: restore the folder's key file (passerelle.keys) or its backup.")
            .keyed("sync.keys.sealedButClear", file.toString());
      }
      byte[] plain =
          sealer
              .get()
              .open(Base64.getDecoder().decode(n.path("sealed").asText()), context(n))
              .orElseThrow(
                  () ->
                      new DatabaseException(
                              "This installation's sync keys in "
                                  + file
                                  + " were sealed by another database's key: they do not belong to"
                                  + " this installation's database. Move the file away (new keys are"
                                  + " made, which partners trust again) or restore it with its"
                                  + " database.")
                          .keyed("sync.keys.otherDatabase", file.toString()));
      try {
        LocalKeys k = parseClear(JSON.readTree(plain));
        if (!k.fingerprint().equals(fingerprintOf(n, file))) {
          throw new DatabaseException(
                  "This installation's sync keys in " + file + " do not match their public keys.")
              .keyed("sync.keys.mismatch", file.toString());
        }
        return k;
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw damaged(file, e);
    }
  }

  /**
   * Seals the clear keys files of {@code dataDir} — its {@value #FILE} and the copies a restore set
   * aside beside it — with {@code sealer} (the database's, ADR 0145): for each, the sealed copy is
   * written beside it, read back and compared, then takes its name in one rename. Killed at any
   * point, the clear file or the sealed one is there, whole; a half-written copy is deleted here
   * next time. {@code at} is told each step done (tests). Returns the files sealed.
   */
  public static synchronized List<Path> protect(Path dataDir, Sealer sealer, Consumer<Step> at) {
    List<Path> done = new ArrayList<>();
    try {
      discardSealing(dataDir);
      List<Path> files;
      try (var all = Files.list(dataDir)) {
        files =
            all.filter(
                    p -> {
                      String n = p.getFileName().toString();
                      return n.equals(FILE) || n.startsWith(FILE + ".before-restore-");
                    })
                .sorted()
                .toList();
      }
      for (Path f : files) {
        if (sealed(f)) {
          continue;
        }
        LocalKeys clear = load(f);
        Path tmp = f.resolveSibling(f.getFileName() + SEALING);
        writeFile(tmp, sealedJson(clear, sealer));
        at.accept(Step.WRITTEN);
        LocalKeys back = load(tmp, Optional.of(sealer));
        if (!Arrays.equals(Crypto.secretBytes(back.signing), Crypto.secretBytes(clear.signing))
            || !Arrays.equals(
                Crypto.secretBytes(back.encryption), Crypto.secretBytes(clear.encryption))) {
          Files.deleteIfExists(tmp);
          throw new DatabaseException(
                  "The sealed copy of "
                      + f
                      + " does not hold the same keys: the file is kept clear.")
              .keyed("sync.keys.notSealed", f.toString());
        }
        at.accept(Step.VERIFIED);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        at.accept(Step.REPLACED);
        done.add(f);
      }
    } catch (IOException e) {
      throw new DatabaseException(
              "Cannot seal the sync keys in " + dataDir + " (" + e.getMessage() + ").", e)
          .keyed("sync.keys.cannotSeal", dataDir.toString(), String.valueOf(e.getMessage()));
    }
    return done;
  }

  /** Deletes the sealed copies an interrupted {@link #protect} left (the clear files are whole). */
  static void discardSealing(Path dataDir) throws IOException {
    try (var all = Files.list(dataDir)) {
      for (Path p : all.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(FILE) && n.endsWith(SEALING)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode n = JSON.readTree(file.toFile());
      if (n == null || !n.isObject()) {
        throw new IOException("not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw damaged(file.toString(), e);
    }
  }

  private static DatabaseException damaged(String file, Exception e) {
    return new DatabaseException(
            "Cannot read this installation's sync keys in "
                + file
                + " ("
                + e.getMessage()
                + "). Restore the file from a backup of the data folder.",
            e)
        .keyed("sync.keys.unreadable", file, String.valueOf(e.getMessage()));
  }

  private static LocalKeys parseClear(JsonNode n) throws GeneralSecurityException {
    Base64.Decoder b64 = Base64.getDecoder();
    return new LocalKeys(
        Crypto.parseSecret(b64.decode(n.path("signing").asText())),
        Crypto.parseSecret(b64.decode(n.path("encryption").asText())));
  }

  private static LocalKeys generate() {
    return new LocalKeys(
        Crypto.generate(Crypto.SIGNATURE_TEMPLATE), Crypto.generate(Crypto.HPKE_TEMPLATE));
  }

  /** What the sealed keys are bound to: the format and the public keys beside them. */
  private static byte[] context(JsonNode n) {
    return ("passerelle sync keys|2|"
            + n.path("signingPublic").asText()
            + "|"
            + n.path("encryptionPublic").asText())
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] clearJson(LocalKeys k) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    Base64.Encoder b64 = Base64.getEncoder();
    n.put("format", CLEAR);
    n.put("signing", b64.encodeToString(Crypto.secretBytes(k.signing)));
    n.put("encryption", b64.encodeToString(Crypto.secretBytes(k.encryption)));
    return JSON.writeValueAsBytes(n);
  }

  private static byte[] sealedJson(LocalKeys k, Sealer sealer) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    Base64.Encoder b64 = Base64.getEncoder();
    n.put("format", SEALED);
    n.put("cipher", "AES-256-GCM, key HMAC-SHA256(file key, \"" + SEALER_LABEL + "\")");
    n.put("signingPublic", b64.encodeToString(k.signingPublic()));
    n.put("encryptionPublic", b64.encodeToString(k.encryptionPublic()));
    byte[] plain = clearJson(k);
    try {
      n.put("sealed", b64.encodeToString(sealer.seal(plain, context(n))));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    return JSON.writeValueAsBytes(n);
  }

  private static void write(Path file, LocalKeys keys, Optional<Sealer> sealer) throws IOException {
    byte[] content = sealer.isPresent() ? sealedJson(keys, sealer.get()) : clearJson(keys);
    Path tmp = file.resolveSibling(FILE + ".tmp");
    writeFile(tmp, content);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code content} to a new file readable by the user only, forced to the disk. */
  private static void writeFile(Path tmp, byte[] content) throws IOException {
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
      tmp.toFile().setReadable(false, false);
      tmp.toFile().setReadable(true, true);
    }
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(content));
      ch.force(true);
    }
  }

  public byte[] signingPublic() {
    return Crypto.publicBytes(signing);
  }

  public byte[] encryptionPublic() {
    return Crypto.publicBytes(encryption);
  }

  public String fingerprint() {
    return Fingerprint.of(signingPublic(), encryptionPublic());
  }

  byte[] sign(byte[] data) {
    try {
      PublicKeySign s = Crypto.signer(signing);
      return s.sign(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  HybridDecrypt decrypter() {
    try {
      return Crypto.decrypter(encryption);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key material (tests: none of it may be readable in the data folder). */
  List<byte[]> secretsForTests() {
    return List.of(Crypto.secretBytes(signing), Crypto.secretBytes(encryption));
  }

  @Override
  public String toString() {
    return "LocalKeys[" + fingerprint() + "]";
  }
}
