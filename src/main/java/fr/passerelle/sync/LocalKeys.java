package fr.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import fr.passerelle.db.DatabaseException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * This installation's private keys: a file {@code sync-keys.json} in the data folder, readable only
 * by the user (ADR 0061). Created on first use. Kept by {@code restore} (it is not in the
 * database), so partners need not trust the installation again.
 */
public final class LocalKeys {
  static final String FILE = "sync-keys.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeysetHandle signing;
  private final KeysetHandle encryption;

  private LocalKeys(KeysetHandle signing, KeysetHandle encryption) {
    this.signing = signing;
    this.encryption = encryption;
  }

  /** Loads the keys of {@code dataDir}, creating them if the folder has none. */
  public static synchronized LocalKeys loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "Cannot create this installation's sync keys in " + file + " (" + e.getMessage() + ").",
          e);
    }
    return load(file);
  }

  /** The keys of {@code dataDir}, if it has any (never creates them). */
  public static Optional<LocalKeys> existing(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    return Files.exists(file) ? Optional.of(load(file)) : Optional.empty();
  }

  /** Reads a keys file (a data folder's {@value #FILE}). */
  public static LocalKeys load(Path file) {
    try {
      JsonNode n = JSON.readTree(file.toFile());
      Base64.Decoder b64 = Base64.getDecoder();
      return new LocalKeys(
          Crypto.parseSecret(b64.decode(n.path("signing").asText())),
          Crypto.parseSecret(b64.decode(n.path("encryption").asText())));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new DatabaseException(
          "Cannot read this installation's sync keys in "
              + file
              + " ("
              + e.getMessage()
              + "). Restore the file from a backup of the data folder.",
          e);
    }
  }

  private static void create(Path file) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    Base64.Encoder b64 = Base64.getEncoder();
    n.put("format", 1);
    n.put(
        "signing",
        b64.encodeToString(Crypto.secretBytes(Crypto.generate(Crypto.SIGNATURE_TEMPLATE))));
    n.put(
        "encryption",
        b64.encodeToString(Crypto.secretBytes(Crypto.generate(Crypto.HPKE_TEMPLATE))));
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
      tmp.toFile().setReadable(false, false);
      tmp.toFile().setReadable(true, true);
    }
    Files.write(tmp, JSON.writeValueAsBytes(n));
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(tmp);
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
}
