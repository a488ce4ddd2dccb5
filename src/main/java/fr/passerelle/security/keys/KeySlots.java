package fr.passerelle.security.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.security.PasswordHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The key-slot file beside an encrypted database ({@value DatabaseEncryption#KEYS_FILE}, JSON): the
 * database's file key wrapped once per account by a key derived from its password, and once by the
 * recovery key, like LUKS. Each slot has its own salt and Argon2id parameters, and the sign-in
 * throttle of its account (a wrong password is counted before the database is open). Nothing in it
 * is secret but the logins: whoever reads it still needs a password per guess.
 */
public final class KeySlots {
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** What a slot opens with. */
  public enum Kind {
    ACCOUNT,
    RECOVERY
  }

  /**
   * One wrapped copy of the file key. {@code renew}: wrapped from the account's stored hash at the
   * conversion; rewrapped with a fresh salt at its next sign-in.
   */
  public record Slot(
      Kind kind,
      UUID account,
      String login,
      byte[] salt,
      PasswordHasher.Params params,
      byte[] nonce,
      byte[] wrapped,
      boolean renew,
      int failures,
      Instant nextAttemptAt,
      Instant lockedUntil) {
    Slot withThrottle(int failures, Instant next, Instant locked) {
      return new Slot(
          kind, account, login, salt, params, nonce, wrapped, renew, failures, next, locked);
    }
  }

  private final List<Slot> slots;

  KeySlots(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  public List<Slot> slots() {
    return slots;
  }

  /** The slot of {@code login} (case-insensitive), if any. */
  Optional<Slot> byLogin(String login) {
    String l = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    return slots.stream().filter(s -> s.kind() == Kind.ACCOUNT && s.login().equals(l)).findFirst();
  }

  Optional<Slot> byAccount(UUID account) {
    return slots.stream()
        .filter(s -> s.kind() == Kind.ACCOUNT && s.account().equals(account))
        .findFirst();
  }

  Optional<Slot> recovery() {
    return slots.stream().filter(s -> s.kind() == Kind.RECOVERY).findFirst();
  }

  /** These slots with {@code s} replacing the one of the same account (or recovery). */
  KeySlots with(Slot s) {
    List<Slot> out = new ArrayList<>();
    for (Slot x : slots) {
      if (!same(x, s)) {
        out.add(x);
      }
    }
    out.add(s);
    return new KeySlots(out);
  }

  KeySlots without(UUID account) {
    return new KeySlots(
        slots.stream()
            .filter(s -> !(s.kind() == Kind.ACCOUNT && s.account().equals(account)))
            .toList());
  }

  private static boolean same(Slot a, Slot b) {
    return a.kind() == b.kind() && (a.kind() == Kind.RECOVERY || a.account().equals(b.account()));
  }

  /** The key-slot file of {@code dataDir}. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(DatabaseEncryption.KEYS_FILE);
  }

  /** Reads {@code file}; a damaged one is refused naming the file and the field. */
  public static KeySlots read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new InvalidInputException(
          "The key file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the key slots {@code json} read from {@code file} (a data folder's, or a backup's entry
   * named so); damaged ones are refused naming the file and the field.
   */
  static KeySlots parse(byte[] json, Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new InvalidInputException(
          "The key file " + file + " cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT) {
      throw bad(file, "format", "expected " + FORMAT);
    }
    List<Slot> out = new ArrayList<>();
    JsonNode arr = root.path("slots");
    if (!arr.isArray()) {
      throw bad(file, "slots", "expected a list");
    }
    for (int i = 0; i < arr.size(); i++) {
      out.add(slot(file, i, arr.get(i)));
    }
    return new KeySlots(out);
  }

  private static Slot slot(Path file, int i, JsonNode n) {
    String where = "slots[" + i + "].";
    try {
      Kind kind = Kind.valueOf(text(file, where + "kind", n));
      UUID account =
          kind == Kind.ACCOUNT ? UUID.fromString(text(file, where + "account", n)) : null;
      String login = kind == Kind.ACCOUNT ? text(file, where + "login", n) : null;
      PasswordHasher.Params p =
          new PasswordHasher.Params(n.path("m").asInt(), n.path("t").asInt(), n.path("p").asInt());
      if (p.memoryKiB() < 8 || p.iterations() < 1 || p.parallelism() < 1) {
        throw bad(file, where + "m/t/p", "Argon2id parameters out of range");
      }
      byte[] wrapped = B64D.decode(text(file, where + "wrapped", n));
      byte[] nonce = B64D.decode(text(file, where + "nonce", n));
      byte[] salt = B64D.decode(text(file, where + "salt", n));
      return new Slot(
          kind,
          account,
          login,
          salt,
          p,
          nonce,
          wrapped,
          n.path("renew").asBoolean(false),
          n.path("failures").asInt(0),
          instant(n.path("nextAttemptAt")),
          instant(n.path("lockedUntil")));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw bad(file, where.substring(0, where.length() - 1), e.getMessage());
    }
  }

  private static String text(Path file, String field, JsonNode n) {
    JsonNode v = n.path(field.substring(field.lastIndexOf('.') + 1));
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw bad(file, field, "missing");
    }
    return v.asText();
  }

  private static Instant instant(JsonNode n) {
    return n.isTextual() ? Instant.parse(n.asText()) : null;
  }

  private static InvalidInputException bad(Path file, String field, String why) {
    return InvalidInputException.of(
        "keys.error.file",
        "The key file " + file + " is damaged (" + field + ": " + why + ").",
        file.toString(),
        field);
  }

  /** The name of {@code s} on the office server (ADR 0190): its account's id, or "recovery". */
  static String id(Slot s) {
    return s.kind() == Kind.RECOVERY ? "recovery" : s.account().toString();
  }

  /** One slot as the key file writes it, without its throttle (kept per workstation). */
  static String shared(Slot s) {
    ObjectNode n = JSON.createObjectNode();
    put(n, s.withThrottle(0, null, null));
    return n.toString();
  }

  /** The slots {@code shared} (one {@link #shared} each) as the bytes of a key file. */
  static byte[] assemble(java.util.Collection<String> shared) {
    StringBuilder b = new StringBuilder("{\"format\":" + FORMAT + ",\"slots\":[");
    b.append(String.join(",", shared));
    return b.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * These slots with those of {@code shared} instead (the office server's, ADR 0190): each keeps
   * the throttle this workstation counted for it; a slot not on the server is dropped.
   */
  KeySlots adopting(KeySlots shared) {
    List<Slot> out = new ArrayList<>();
    for (Slot s : shared.slots) {
      Optional<Slot> mine =
          slots.stream()
              .filter(x -> same(x, s) && java.util.Arrays.equals(x.salt(), s.salt()))
              .findFirst();
      out.add(
          mine.map(m -> s.withThrottle(m.failures(), m.nextAttemptAt(), m.lockedUntil()))
              .orElse(s));
    }
    return new KeySlots(out);
  }

  /** Writes the slots to {@code file} atomically (a temporary file moved over it). */
  public void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("cipher", "AES");
    ArrayNode arr = root.putArray("slots");
    for (Slot s : slots) {
      put(arr.addObject(), s);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(parent, ".keys", ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new fr.passerelle.db.DatabaseException(
          "Cannot write the key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void put(ObjectNode n, Slot s) {
    {
      n.put("kind", s.kind().name());
      if (s.kind() == Kind.ACCOUNT) {
        n.put("account", s.account().toString());
        n.put("login", s.login());
      }
      n.put("m", s.params().memoryKiB());
      n.put("t", s.params().iterations());
      n.put("p", s.params().parallelism());
      n.put("salt", B64.encodeToString(s.salt()));
      n.put("nonce", B64.encodeToString(s.nonce()));
      n.put("wrapped", B64.encodeToString(s.wrapped()));
      if (s.renew()) {
        n.put("renew", true);
      }
      if (s.failures() > 0) {
        n.put("failures", s.failures());
      }
      if (s.nextAttemptAt() != null) {
        n.put("nextAttemptAt", s.nextAttemptAt().toString());
      }
      if (s.lockedUntil() != null) {
        n.put("lockedUntil", s.lockedUntil().toString());
      }
    }
  }
}
