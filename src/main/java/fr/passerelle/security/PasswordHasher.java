package fr.passerelle.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) with Bouncy Castle's generator, in the PHC string format
 * {@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash} (base64 without padding): the parameters travel
 * with each hash, so stronger ones can be adopted later (a hash made with weaker ones is replaced
 * at the next sign-in). Passwords are taken as {@code char[]} and never kept.
 */
public final class PasswordHasher {
  /** Argon2id cost: memory in KiB, passes, lanes. */
  public record Params(int memoryKiB, int iterations, int parallelism) {
    /**
     * RFC 9106's second recommended option's memory (64 MiB), three passes, one lane: about 0.4 s
     * per hash on the reference 2-core machine (docs/benchmarks.md, Accounts).
     */
    public static final Params DEFAULT = new Params(65_536, 3, 1);

    boolean weakerThan(Params o) {
      return memoryKiB < o.memoryKiB || iterations < o.iterations || parallelism < o.parallelism;
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Params params;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(Params params) {
    this.params = params;
  }

  public Params params() {
    return params;
  }

  /** A new hash of {@code password} with a random salt. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] h = derive(password, salt, params, HASH_BYTES);
    try {
      return "$argon2id$v=19$m="
          + params.memoryKiB()
          + ",t="
          + params.iterations()
          + ",p="
          + params.parallelism()
          + "$"
          + B64.encodeToString(salt)
          + "$"
          + B64.encodeToString(h);
    } finally {
      Arrays.fill(h, (byte) 0);
    }
  }

  /** True when {@code password} matches {@code encoded}; false for a malformed hash. */
  public boolean verify(char[] password, String encoded) {
    Parsed p = parse(encoded);
    if (p == null) {
      return false;
    }
    byte[] h = derive(password, p.salt(), p.params(), p.hash().length);
    try {
      return MessageDigest.isEqual(h, p.hash());
    } finally {
      Arrays.fill(h, (byte) 0);
    }
  }

  /** Spends the time of one verification (an unknown login answers as slowly as a known one). */
  public void burn(char[] password) {
    derive(password, new byte[SALT_BYTES], params, HASH_BYTES);
  }

  /** True when {@code encoded} was made with weaker parameters than this hasher's. */
  public boolean needsRehash(String encoded) {
    Parsed p = parse(encoded);
    return p == null || p.params().weakerThan(params);
  }

  /** A PHC string's parts: the parameters, the salt and the hash bytes. */
  public record Parsed(Params params, byte[] salt, byte[] hash) {}

  /** The parts of a PHC string made by this class; null when malformed. */
  public static Parsed parse(String encoded) {
    if (encoded == null) {
      return null;
    }
    String[] parts = encoded.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return null;
    }
    try {
      int m = 0;
      int t = 0;
      int par = 0;
      for (String kv : parts[3].split(",")) {
        String[] a = kv.split("=", 2);
        int v = Integer.parseInt(a[1]);
        switch (a[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> par = v;
          default -> {
            return null;
          }
        }
      }
      if (m < 8 || t < 1 || par < 1 || m > 4 * 1024 * 1024 || t > 100 || par > 64) {
        return null;
      }
      return new Parsed(new Params(m, t, par), B64D.decode(parts[4]), B64D.decode(parts[5]));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Argon2id of {@code password} with {@code salt} and {@code p}, {@code length} bytes: the same
   * derivation as the hashes (the key slots of the encrypted database derive their keys with it).
   */
  public static byte[] derive(char[] password, byte[] salt, Params p, int length) {
    Argon2Parameters a =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(p.memoryKiB())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(a);
    byte[] out = new byte[length];
    g.generateBytes(password, out);
    return out;
  }
}
