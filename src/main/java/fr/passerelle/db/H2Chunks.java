package fr.passerelle.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.h2.mvstore.DataUtils;
import org.h2.security.SHA256;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * The store header and the chunks of an H2 MVStore file, read and written below H2, clear or
 * encrypted ({@code CIPHER=AES}'s format, through {@link AesFileChannel}). The file is locked while
 * this is open, so it is never changed under a running H2.
 *
 * <p>The format (H2 2.x, {@code format:3}): blocks of 4 KB; blocks 0 and 1 each hold the store
 * header, a line {@code H:2,block:…,chunk:…,version:…,…,fletcher:…}; a chunk starts at the
 * beginning of a block with a line {@code chunk:ID,block:…,len:BLOCKS,…,next:…,version:…} and ends
 * with a 128-byte footer {@code chunk:ID,len:…,version:…,fletcher:…}. A chunk whose header and
 * footer agree is complete.
 */
final class H2Chunks implements AutoCloseable {
  static final int BLOCK = 4096;
  private static final int FOOTER = 128;
  private static final int HEADER_READ = 1024;
  private static final byte[] CHUNK = "chunk:".getBytes(StandardCharsets.ISO_8859_1);

  /** A complete chunk: where it starts (in blocks), its length, its id and its store version. */
  record Chunk(long block, int len, int id, long version) {
    @Override
    public String toString() {
      return Integer.toHexString(id) + "@" + block + " (version " + Long.toHexString(version) + ")";
    }
  }

  private final FileChannel base;
  private final FileChannel file;
  private final FileLock lock;
  private final byte[] passwordBytes; // null: a clear file

  private H2Chunks(FileChannel base, FileChannel file, FileLock lock, byte[] passwordBytes) {
    this.base = base;
    this.file = file;
    this.lock = lock;
    this.passwordBytes = passwordBytes;
  }

  /**
   * Opens {@code path} for reading and writing below H2, decrypted with {@code filePassword} when
   * not null; empty if a process (this one included) holds the file open.
   */
  static Optional<H2Chunks> open(Path path, char[] filePassword) throws IOException {
    FileChannel base = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = base.tryLock();
    } catch (OverlappingFileLockException held) {
      lock = null;
    }
    if (lock == null) {
      base.close();
      return Optional.empty();
    }
    byte[] passwordBytes =
        filePassword == null ? null : FilePathEncrypt.getPasswordBytes(filePassword);
    FileChannel file =
        passwordBytes == null
            ? base
            : new AesFileChannel(path.toString(), passwordBytes.clone(), base, false);
    return Optional.of(new H2Chunks(base, file, lock, passwordBytes));
  }

  /** The newer of the two store headers whose checksum holds, or empty (not an H2 2.x file). */
  Map<String, String> header() throws IOException {
    Map<String, String> best = Map.of();
    for (int b = 0; b < 2; b++) {
      String line = firstLine(read((long) b * BLOCK, BLOCK));
      if (!line.startsWith("H:2,")) {
        continue;
      }
      Map<String, String> m = checksummed(line);
      if (m != null && (best.isEmpty() || hex(m, "version") > hex(best, "version"))) {
        best = m;
      }
    }
    return best;
  }

  /** True if the header says the last session closed the file cleanly. */
  static boolean clean(Map<String, String> header) {
    return "1".equals(header.get("clean"));
  }

  /** The version the store header names as the newest chunk's (0 when none). */
  static long headerVersion(Map<String, String> header) {
    return hex(header, "version");
  }

  /**
   * Every complete chunk in the file, in block order. One pass reads the first 16 bytes of every
   * block; only the blocks that begin with {@code chunk:} are read further.
   */
  List<Chunk> completeChunks() throws IOException {
    List<Chunk> found = new ArrayList<>();
    for (long block : blocksBeginningWithChunk()) {
      chunkAt(block).ifPresent(found::add);
    }
    return found;
  }

  /**
   * The blocks whose first bytes are {@code chunk:}. An encrypted file is read below its {@link
   * AesFileChannel}: the first 16 bytes of a 4 KB sector are one AES block of H2's XTS (its tweak:
   * the sector number, encrypted under the same key), deciphered with the JDK's AES — the
   * processor's instructions — instead of H2's whole-sector Java AES, 256 times less work.
   */
  private List<Long> blocksBeginningWithChunk() throws IOException {
    long blocks = file.size() / BLOCK;
    long offset = passwordBytes == null ? 0 : AesFileChannel.HEADER_LENGTH; // "H2encrypt", the salt
    Cipher[] aes = passwordBytes == null ? null : xtsCiphers();
    int per = 256;
    ByteBuffer run = ByteBuffer.allocate(per * BLOCK);
    byte[] heads = new byte[per * 16];
    List<Long> starts = new ArrayList<>();
    for (long start = 2; start < blocks; start += per) {
      int n = (int) Math.min(per, blocks - start);
      run.clear().limit(n * BLOCK);
      readFully(base, run, offset + start * BLOCK);
      for (int i = 0; i < n; i++) {
        run.get(i * BLOCK, heads, i * 16, 16);
      }
      if (aes != null) {
        decipherFirstBlocks(aes, start, n, heads);
      }
      for (int i = 0; i < n; i++) {
        if (Arrays.equals(heads, i * 16, i * 16 + CHUNK.length, CHUNK, 0, CHUNK.length)) {
          starts.add(start + i);
        }
      }
    }
    return starts;
  }

  /** H2's key (PBKDF2 of the password over the file's salt, as {@link AesFileChannel} does). */
  private Cipher[] xtsCiphers() throws IOException {
    ByteBuffer salt = ByteBuffer.allocate(8);
    readFully(base, salt, 10); // after "H2encrypt\n"
    byte[] key = SHA256.getPBKDF2(passwordBytes, salt.array(), 10, 16);
    try {
      SecretKeySpec spec = new SecretKeySpec(key, "AES");
      Cipher enc = Cipher.getInstance("AES/ECB/NoPadding");
      enc.init(Cipher.ENCRYPT_MODE, spec);
      Cipher dec = Cipher.getInstance("AES/ECB/NoPadding");
      dec.init(Cipher.DECRYPT_MODE, spec);
      return new Cipher[] {enc, dec};
    } catch (GeneralSecurityException e) {
      throw new IOException("no AES in this Java runtime", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Deciphers in place the first AES block of sectors {@code first}… ({@code n} of them). */
  private static void decipherFirstBlocks(Cipher[] aes, long first, int n, byte[] heads)
      throws IOException {
    byte[] tweaks = new byte[n * 16];
    for (int i = 0; i < n; i++) {
      long id = first + i;
      for (int j = 0; j < 8; j++, id >>>= 8) {
        tweaks[i * 16 + j] = (byte) id;
      }
    }
    try {
      tweaks = aes[0].doFinal(tweaks);
      for (int k = 0; k < n * 16; k++) {
        heads[k] ^= tweaks[k];
      }
      aes[1].doFinal(heads, 0, n * 16, heads, 0);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    for (int k = 0; k < n * 16; k++) {
      heads[k] ^= tweaks[k];
    }
  }

  /** The complete chunk that starts at {@code block}, if one does. */
  Optional<Chunk> chunkAt(long block) throws IOException {
    Map<String, String> h;
    try {
      h = DataUtils.parseMap(firstLine(read(block * BLOCK, HEADER_READ)));
    } catch (RuntimeException notAHeader) {
      return Optional.empty();
    }
    if (!h.containsKey("chunk") || !h.containsKey("len") || !h.containsKey("version")) {
      return Optional.empty();
    }
    int len = (int) hex(h, "len");
    long says = hex(h, "block"); // H2 leaves it out of the header, 0: where the chunk is
    if (len <= 0 || (says != 0 && says != block) || (block + len) * BLOCK > file.size()) {
      return Optional.empty();
    }
    Map<String, String> f = checksummed(firstLine(read((block + len) * BLOCK - FOOTER, FOOTER)));
    if (f == null
        || !h.get("chunk").equals(f.get("chunk"))
        || hex(f, "len") != len
        || hex(f, "version") != hex(h, "version")) {
      return Optional.empty();
    }
    return Optional.of(new Chunk(block, len, (int) hex(h, "chunk"), hex(h, "version")));
  }

  /**
   * Writes both store headers so that they name {@code newest} as the newest chunk, without the
   * clean mark: H2 then starts its recovery from that chunk. The other fields are kept.
   */
  void pointHeaderAt(Chunk newest) throws IOException {
    Map<String, String> h = new LinkedHashMap<>(header());
    if (h.isEmpty()) {
      throw new IOException("the file has no readable H2 store header");
    }
    h.remove("fletcher");
    h.remove("clean");
    h.put("block", Long.toHexString(newest.block()));
    h.put("chunk", Integer.toHexString(newest.id()));
    h.put("version", Long.toHexString(newest.version()));
    StringBuilder text = new StringBuilder("H:2");
    for (Map.Entry<String, String> e : h.entrySet()) {
      if (!e.getKey().equals("H")) {
        text.append(',').append(e.getKey()).append(':').append(e.getValue());
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    text.append(",fletcher:")
        .append(Integer.toHexString(DataUtils.getFletcher32(bytes, 0, bytes.length)))
        .append('\n');
    byte[] line = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer both = ByteBuffer.allocate(2 * BLOCK);
    both.put(line).position(BLOCK);
    both.put(line).rewind();
    writeFully(both, 0);
    file.force(true);
  }

  /**
   * Makes {@code c} no chunk at all: its header line and its footer are overwritten with zeros, so
   * that neither H2's chain of chunks nor its scan of the file can take it again.
   */
  void erase(Chunk c) throws IOException {
    writeFully(ByteBuffer.allocate(HEADER_READ), c.block() * BLOCK);
    writeFully(ByteBuffer.allocate(FOOTER), (c.block() + c.len()) * BLOCK - FOOTER);
  }

  /**
   * {@code length} bytes at {@code at} (past the end: zeros), for tests that make a damaged file.
   */
  ByteBuffer bytes(long at, int length) throws IOException {
    return read(at, length);
  }

  /** Writes {@code b} at {@code at}, for tests that make a damaged file. */
  void write(ByteBuffer b, long at) throws IOException {
    writeFully(b, at);
  }

  /** The length of the file as H2 sees it (decrypted). */
  long size() throws IOException {
    return file.size();
  }

  void force() throws IOException {
    file.force(true);
  }

  @Override
  public void close() throws IOException {
    if (passwordBytes != null) {
      Arrays.fill(passwordBytes, (byte) 0);
    }
    try {
      lock.release();
    } finally {
      file.close();
      base.close();
    }
  }

  /** A line "k:v,…,fletcher:x" whose checksum holds (H2's own rule), as a map; else null. */
  private static Map<String, String> checksummed(String line) {
    int at = line.lastIndexOf(",fletcher:");
    if (at < 0) {
      return null;
    }
    try {
      Map<String, String> m = DataUtils.parseMap(line);
      byte[] bytes = line.substring(0, at).getBytes(StandardCharsets.ISO_8859_1);
      int check = (int) Long.parseLong(m.get("fletcher"), 16);
      return check == DataUtils.getFletcher32(bytes, 0, bytes.length)
          ? Collections.unmodifiableMap(m)
          : null;
    } catch (RuntimeException corrupted) {
      return null;
    }
  }

  private static long hex(Map<String, String> m, String key) {
    try {
      return m.containsKey(key) ? Long.parseLong(m.get(key), 16) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String firstLine(ByteBuffer b) {
    String s = new String(b.array(), 0, b.limit(), StandardCharsets.ISO_8859_1);
    int end = s.indexOf('\n');
    return (end < 0 ? s : s.substring(0, end)).strip();
  }

  private ByteBuffer read(long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    readFully(b, at);
    b.flip();
    return b;
  }

  /** Reads until {@code b} is full or the file ends (the rest of {@code b} then zeros). */
  private void readFully(ByteBuffer b, long at) throws IOException {
    readFully(file, b, at);
  }

  private static void readFully(FileChannel from, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = from.read(b, pos);
      if (n < 0) {
        while (b.hasRemaining()) {
          b.put((byte) 0);
        }
        break;
      }
      pos += n;
    }
  }

  private void writeFully(ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      pos += file.write(b, pos);
    }
  }
}
