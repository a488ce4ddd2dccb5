package fr.passerelle.sync;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/**
 * The Tink primitives of protocol v1, in one place: Ed25519 signatures, HPKE (X25519, HKDF-SHA256,
 * AES-256-GCM) to wrap a file's payload key, AES-256-GCM-HKDF streaming AEAD (1 MB segments) for
 * the file's encrypted parts. No hand-rolled crypto.
 */
final class Crypto {
  static final String SIGNATURE_TEMPLATE = "ED25519";
  static final String HPKE_TEMPLATE = "DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM";
  static final String STREAMING_TEMPLATE = "AES256_GCM_HKDF_1MB";

  static {
    try {
      SignatureConfig.register();
      HybridConfig.register();
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Crypto() {}

  static KeysetHandle generate(String template) {
    try {
      return KeysetHandle.generateNew(KeyTemplates.get(template));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + template + " key", e);
    }
  }

  static byte[] secretBytes(KeysetHandle h) {
    try {
      return TinkProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeysetHandle parseSecret(byte[] b) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseKeyset(b, InsecureSecretKeyAccess.get());
  }

  static byte[] publicBytes(KeysetHandle privateHandle) {
    try {
      return TinkProtoKeysetFormat.serializeKeysetWithoutSecret(
          privateHandle.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKeySign signer(KeysetHandle h) throws GeneralSecurityException {
    return h.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
  }

  static PublicKeyVerify verifier(byte[] publicKeyset) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
        .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
  }

  static HybridEncrypt encrypter(byte[] publicKeyset) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
        .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
  }

  static HybridDecrypt decrypter(KeysetHandle h) throws GeneralSecurityException {
    return h.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
  }

  static StreamingAead streaming(KeysetHandle h) throws GeneralSecurityException {
    return h.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }

  /**
   * Verifies that the public keyset is usable for {@code type}: a card with junk keys is refused.
   */
  static void checkPublic(byte[] signing, byte[] encryption) throws GeneralSecurityException {
    verifier(signing);
    encrypter(encryption);
  }
}
