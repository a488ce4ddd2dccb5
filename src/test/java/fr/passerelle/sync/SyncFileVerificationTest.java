package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.office.OfficeKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: who and what are checked before any work on the payload (ADR 0086) — the ZIP
 * directory's sizes bound every read, the recipients and the sender are checked before the payload
 * is read, the payload never inflates past the size its signed manifest declares, and the parts
 * must come in the order ADR 0060 gives. How long each refusal takes is measured in
 * docs/benchmarks.md (a 4 GiB bomb); here, that the refusal is the bound's, not a later check's.
 */
class SyncFileVerificationTest {
  private static final long GIB = 1L << 30;
  @TempDir Path root;
  Node a;
  Node b;
  Path file;

  @BeforeEach
  void setUp() {
    a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    Node.trustEachOther(a, b);
    UUID c = a.addCandidate("Martin");
    a.setConsent(c, true, false);
    file = a.exportTo(b, false);
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  private void refused(Node n, Path f, String cause) {
    String before = n.digest();
    assertThatThrownBy(() -> n.importFile(f))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining(cause)
        .satisfies(e -> assertThat(((UserFacingException) e).exitCode()).isEqualTo(3));
    assertThat(n.digest()).isEqualTo(before);
    assertThat(n.dsl().fetchCount(PEER, PEER.RECEIVED.gt(0L))).isZero();
  }

  /**
   * Writes {@code s}'s entries, the payload replaced by {@code inflated} zero bytes deflated (a ZIP
   * bomb of a few hundred KB).
   */
  private static void writeBomb(SyncFileSurgeon s, Path out, long inflated) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      byte[] zeros = new byte[1 << 20];
      for (Map.Entry<String, byte[]> e : s.entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getKey().equals(SyncFormat.PAYLOAD_ENTRY)) {
          for (long done = 0; done < inflated; done += zeros.length) {
            z.write(zeros);
          }
        } else {
          z.write(e.getValue());
        }
        z.closeEntry();
      }
    }
  }

  /** Rewrites the uncompressed size the ZIP directory declares for {@code entry}. */
  private static void declareSize(Path zip, String entry, long size) throws IOException {
    byte[] raw = Files.readAllBytes(zip);
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
    for (int i = raw.length - 46; i >= 0; i--) {
      if (bb.getInt(i) == 0x02014b50 && bb.getShort(i + 28) == name.length) {
        String n = new String(raw, i + 46, name.length, StandardCharsets.US_ASCII);
        if (n.equals(entry)) {
          bb.putInt(i + 24, (int) size);
          Files.write(zip, raw);
          return;
        }
      }
    }
    throw new IllegalStateException("no directory entry " + entry);
  }

  @Test
  void aZipBombWhoseDirectoryTellsItsSizeIsRefusedBeforeAnyInflation() throws IOException {
    Path bomb = root.resolve("bomb.passerelle");
    writeBomb(SyncFileSurgeon.read(file), bomb, GIB);
    assertThat(Files.size(bomb)).isLessThan(8L << 20);
    refused(b, bomb, "claims " + GIB + " bytes, more than a sync file of");
  }

  /**
   * The same bomb with its ZIP directory lying (declaring the size of a real payload): the read
   * stops as soon as the part inflates past what the directory says — the file is refused after
   * reading at most its own size, not after inflating a gibibyte.
   */
  @Test
  void aZipBombWhoseDirectoryLiesIsRefusedAsSoonAsItInflatesPastIt() throws IOException {
    SyncFileSurgeon s = SyncFileSurgeon.read(file);
    int real = s.entries.get(SyncFormat.PAYLOAD_ENTRY).length;
    Path bomb = root.resolve("lying-bomb.passerelle");
    writeBomb(s, bomb, GIB);
    declareSize(bomb, SyncFormat.PAYLOAD_ENTRY, real);
    refused(b, bomb, "inflates past the " + real + " bytes its directory says");
  }

  /**
   * A trusted sender's signed file whose rows inflate (gzip inside the encryption) past the size
   * its manifest declares: decompression stops at the declared size.
   */
  @Test
  void aSignedPayloadInflatingPastItsDeclaredSizeIsStoppedThere() throws Exception {
    SyncFileSurgeon s = SyncFileSurgeon.read(file);
    long declared = s.manifest(b).path("payloadSize").asLong();
    assertThat(declared).isPositive();
    byte[] spaces = new byte[64 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    s.replacePayload(b, spaces);
    s.resign(b, a, m -> {});
    Path f = root.resolve("inflating.passerelle");
    s.write(f);
    refused(b, f, "inflates past the " + declared + " bytes its manifest declares");
  }

  /** A manifest declaring more than any real file could compress is refused before reading. */
  @Test
  void aDeclaredSizeNoRealFileCouldHaveIsRefused() throws Exception {
    SyncFileSurgeon s = SyncFileSurgeon.read(file);
    s.resign(b, a, m -> m.put("payloadSize", 1L << 40));
    Path f = root.resolve("declared.passerelle");
    s.write(f);
    refused(b, f, "no real sync file compresses that much");
  }

  /**
   * An untrusted installation's file is refused for that reason before its payload is read at all:
   * here a payload that cannot even be inflated (a reserved deflate block type).
   */
  @Test
  void theSenderIsCheckedBeforeThePayloadIsRead() throws IOException {
    try (Node u = Node.create(root, "FT Inconnue", OfficeKind.FRANCE_TRAVAIL, null)) {
      u.trust(b);
      u.addCandidate("Dupont");
      Path f = u.exportTo(b, false);
      byte[] raw = Files.readAllBytes(f);
      ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      byte[] name = SyncFormat.PAYLOAD_ENTRY.getBytes(StandardCharsets.US_ASCII);
      boolean patched = false;
      for (int i = 0; i + 30 < raw.length && !patched; i++) {
        if (bb.getInt(i) == 0x04034b50
            && bb.getShort(i + 26) == name.length
            && new String(raw, i + 30, name.length, StandardCharsets.US_ASCII)
                .equals(SyncFormat.PAYLOAD_ENTRY)) {
          raw[i + 30 + name.length + bb.getShort(i + 28)] = 0x07; // BFINAL, BTYPE=11: invalid
          patched = true;
        }
      }
      assertThat(patched).isTrue();
      Path broken = root.resolve("untrusted.passerelle");
      Files.write(broken, raw);
      refused(b, broken, "does not trust");
    }
  }

  /**
   * ADR 0060: the order of the parts is part of the format. A file its own sender signed with the
   * parts in another order is refused, naming the order found.
   */
  @Test
  void partsInAnotherOrderAreRefusedEvenWhenSigned() throws Exception {
    List<List<String>> orders = new ArrayList<>();
    SyncFileSurgeon s0 = SyncFileSurgeon.read(file);
    List<String> names = new ArrayList<>(s0.entries.keySet());
    String key = names.get(1);
    orders.add(List.of(SyncFormat.FORMAT_ENTRY, key, SyncFormat.MANIFEST_ENTRY, "payload"));
    orders.add(List.of(key, SyncFormat.FORMAT_ENTRY, "payload", SyncFormat.MANIFEST_ENTRY));
    orders.add(List.of(SyncFormat.FORMAT_ENTRY, "payload", key, SyncFormat.MANIFEST_ENTRY));
    for (List<String> order : orders) {
      SyncFileSurgeon s = SyncFileSurgeon.read(file);
      LinkedHashMap<String, byte[]> reordered = new LinkedHashMap<>();
      for (String n : order) {
        reordered.put(n, s.entries.get(n));
      }
      s.entries.clear();
      s.entries.putAll(reordered);
      s.resign(b, a, m -> {});
      Path f = root.resolve("order-" + String.join("-", order).replace('/', '_') + ".passerelle");
      s.write(f);
      refused(b, f, "not in the order of the format: " + String.join(", ", order));
    }
    assertThat(b.importFile(file).outcome()).isEqualTo(SyncImportReport.Outcome.IMPORTED);
  }

  /** The bound is a stream filter; its own edge: exactly the declared size is fine. */
  @Test
  void aPayloadOfExactlyItsDeclaredSizeIsImported() throws Exception {
    SyncFileSurgeon s = SyncFileSurgeon.read(file);
    s.rewritePayload(b, a, lines -> lines);
    Path f = root.resolve("exact.passerelle");
    s.write(f);
    assertThat(b.importFile(f).outcome()).isEqualTo(SyncImportReport.Outcome.IMPORTED);
    assertThat(s.manifest(b).path("payloadSize").asLong())
        .isEqualTo(String.join("\n", s.payloadLines(b)).getBytes(StandardCharsets.UTF_8).length);
  }
}
