package fr.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A signed identity card: office, organisation, kind, current replica id and both public keys,
 * signed with the card's own Ed25519 key. Trust is in the keys: their fingerprint is compared by
 * phone before {@code sync trust}.
 */
public record IdentityCard(
    String office,
    String organisation,
    String kind,
    UUID replicaId,
    byte[] signingKey,
    byte[] encryptionKey,
    String json) {
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Builds and signs this installation's card. */
  static IdentityCard create(
      LocalKeys keys, String office, String organisation, String kind, UUID replica) {
    ObjectNode body = JSON.createObjectNode();
    Base64.Encoder b64 = Base64.getEncoder();
    body.put("format", FORMAT);
    body.put("office", office);
    body.put("organisation", organisation);
    body.put("kind", kind);
    body.put("replicaId", replica.toString());
    body.put("signingKey", b64.encodeToString(keys.signingPublic()));
    body.put("encryptionKey", b64.encodeToString(keys.encryptionPublic()));
    try {
      byte[] bodyBytes = JSON.writeValueAsBytes(body);
      ObjectNode card = JSON.createObjectNode();
      card.put("passerelleIdentityCard", FORMAT);
      card.put("body", new String(bodyBytes, StandardCharsets.UTF_8));
      card.put("signature", b64.encodeToString(keys.sign(bodyBytes)));
      return parse(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why a card is refused; {@link Refused#reason()} names the UI text that says it. */
  public enum Reason {
    NOT_A_CARD,
    NEWER,
    ALTERED,
    NO_NAME
  }

  /** A card refused by {@link #parse}: the message in English, the reason as a code. */
  public static final class Refused extends IllegalArgumentException {
    private final Reason reason;

    Refused(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Parses a card and checks its self-signature; the message says what is wrong. */
  public static IdentityCard parse(String text) {
    try {
      JsonNode card = JSON.readTree(text);
      if (card == null || !card.has("passerelleIdentityCard")) {
        throw new Refused(Reason.NOT_A_CARD, "this is not a Passerelle identity card");
      }
      if (card.path("passerelleIdentityCard").asInt() > FORMAT) {
        throw new Refused(
            Reason.NEWER, "the card was made by a newer Passerelle: update Passerelle first");
      }
      byte[] bodyBytes = card.path("body").asText().getBytes(StandardCharsets.UTF_8);
      JsonNode body = JSON.readTree(bodyBytes);
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] signing = b64.decode(body.path("signingKey").asText());
      byte[] encryption = b64.decode(body.path("encryptionKey").asText());
      Crypto.checkPublic(signing, encryption);
      Crypto.verifier(signing).verify(b64.decode(card.path("signature").asText()), bodyBytes);
      String office = body.path("office").asText("");
      String organisation = body.path("organisation").asText("");
      if (office.isBlank() || organisation.isBlank()) {
        throw new Refused(Reason.NO_NAME, "the card names no office or organisation");
      }
      return new IdentityCard(
          office,
          organisation,
          body.path("kind").asText(""),
          UUID.fromString(body.path("replicaId").asText()),
          signing,
          encryption,
          text);
    } catch (GeneralSecurityException e) {
      throw new Refused(Reason.ALTERED, "its signature does not match its keys (altered card)");
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refused r) {
        throw r;
      }
      // bad base64, a missing or malformed replica id, keys of the wrong size...
      throw new Refused(Reason.NOT_A_CARD, "this is not a Passerelle identity card");
    }
  }

  public String fingerprint() {
    return Fingerprint.of(signingKey, encryptionKey);
  }

  /** True if both cards hold the same keys (the same installation, maybe a new replica id). */
  public boolean sameKeys(IdentityCard other) {
    return Arrays.equals(signingKey, other.signingKey)
        && Arrays.equals(encryptionKey, other.encryptionKey);
  }
}
