package fr.passerelle.sync;

import com.google.crypto.tink.StreamingAead;
import fr.passerelle.office.OfficeKind;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the files of docs/benchmarks.md, "Sync file verification": two installations (FT Toulouse
 * sends, FT Albi receives: its data folder is {@code DIR/albi}), a real file, and three bombs made
 * from it — a payload inflating to 4 GiB with an honest ZIP directory, the same with its directory
 * declaring the real payload's size (4 GiB − 1 MiB, to stay out of ZIP64), and a payload signed by
 * the sender whose rows decompress to 4 GiB. Run: {@code java -cp ... SyncBombFiles DIR}, then time
 * {@code passerelle --data-dir DIR/albi sync import DIR/<file>}.
 */
public final class SyncBombFiles {
  private static final long GIB = 1L << 30;

  private SyncBombFiles() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Path real;
    try (Node a = Node.create(dir, "toulouse", OfficeKind.FRANCE_TRAVAIL, null);
        Node b = Node.create(dir, "albi", OfficeKind.FRANCE_TRAVAIL, null)) {
      Node.trustEachOther(a, b);
      for (int i = 0; i < 200; i++) {
        UUID c = a.addCandidate("Martin" + i);
        a.setConsent(c, true, false);
      }
      real = a.exportTo(b, false);
      Files.copy(real, dir.resolve("real.passerelle"));
      SyncFileSurgeon s = SyncFileSurgeon.read(real);
      zipBomb(s, dir.resolve("zip-bomb-4g.passerelle"), 4 * GIB);
      Path lying = dir.resolve("zip-bomb-lying.passerelle");
      zipBomb(s, lying, 4 * GIB - (1 << 20));
      declareSize(lying, SyncFormat.PAYLOAD_ENTRY, s.entries.get(SyncFormat.PAYLOAD_ENTRY).length);
      signedBomb(s, b, a, dir.resolve("signed-bomb-4g.passerelle"), 4 * GIB);
      for (String f : new String[] {"zip-bomb-4g", "zip-bomb-lying", "signed-bomb-4g"}) {
        time(b, dir.resolve(f + ".passerelle"));
      }
    }
    System.out.println("files in " + dir + "; receiver's data folder " + dir.resolve("albi"));
  }

  /**
   * Five refusals in this JVM: the median time from the file to the refusal, the bytes the refusing
   * thread allocated (median) and the heap's peak over the five (run it with -Xmx256m).
   */
  private static void time(Node b, Path f) {
    long[] ms = new long[5];
    long[] allocated = new long[5];
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
    System.gc();
    pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    String why = "";
    for (int i = 0; i < ms.length; i++) {
      long a = threads.getCurrentThreadAllocatedBytes();
      long t = System.nanoTime();
      try {
        b.importFile(f);
        why = "imported?!";
      } catch (SyncRefusedException e) {
        why = e.getMessage();
      }
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      allocated[i] = threads.getCurrentThreadAllocatedBytes() - a;
    }
    long heapPeak =
        pools.stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    Arrays.sort(ms);
    Arrays.sort(allocated);
    System.out.println(
        f.getFileName()
            + ": median "
            + ms[2]
            + " ms "
            + Arrays.toString(ms)
            + ", allocated "
            + allocated[2] / (1 << 20)
            + " MiB (median), heap peak "
            + heapPeak / (1 << 20)
            + " MiB (max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB) — "
            + why);
  }

  private static void zipBomb(SyncFileSurgeon s, Path out, long inflated) throws Exception {
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

  private static void declareSize(Path zip, String entry, long size) throws Exception {
    byte[] raw = Files.readAllBytes(zip);
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
    for (int i = raw.length - 46; i >= 0; i--) {
      if (bb.getInt(i) == 0x02014b50
          && bb.getShort(i + 28) == name.length
          && new String(raw, i + 46, name.length, StandardCharsets.US_ASCII).equals(entry)) {
        bb.putInt(i + 24, (int) size);
        Files.write(zip, raw);
        return;
      }
    }
    throw new IllegalStateException("no directory entry " + entry);
  }

  /** The sender's own file, its encrypted rows replaced by 4 GiB of spaces, signed again. */
  private static void signedBomb(SyncFileSurgeon s, Node to, Node from, Path out, long size)
      throws Exception {
    StreamingAead aead = s.aead(to);
    Path payload = Files.createTempFile(out.getParent(), "payload", ".bin");
    try (OutputStream enc =
            aead.newEncryptingStream(Files.newOutputStream(payload), SyncFormat.PAYLOAD_AAD);
        OutputStream gz = new GZIPOutputStream(enc, 1 << 16)) {
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long done = 0; done < size; done += spaces.length) {
        gz.write(spaces);
      }
    }
    s.entries.put(SyncFormat.PAYLOAD_ENTRY, Files.readAllBytes(payload));
    Files.delete(payload);
    s.resign(to, from, m -> {});
    s.write(out);
  }
}
