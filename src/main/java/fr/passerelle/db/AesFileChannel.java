package fr.passerelle.db;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.security.SHA256;
import org.h2.store.fs.FileBaseDefault;

/**
 * An H2 encrypted file ({@code CIPHER=AES}'s format, byte for byte) read and written through {@link
 * XtsAes}: a 4 KB header ({@code "H2encrypt\n"}, an 8-byte random salt, zeros), then the sectors,
 * each XTS-AES under the key PBKDF2-SHA256(password's UTF-16 bytes, salt, 10, 16 bytes); a length
 * that is not a whole number of sectors is kept by a last partial sector of that many zero bytes
 * after the last whole one (ADR 0207).
 *
 * <p>Like H2's own, the header is read or written at the first use, not at the opening, so that the
 * file can be locked first.
 */
final class AesFileChannel extends FileBaseDefault {
  static final int HEADER_LENGTH = XtsAes.SECTOR;
  private static final int MASK = XtsAes.SECTOR - 1;
  private static final byte[] MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final int SALT_LENGTH = 8;
  private static final int ITERATIONS = 10;
  private static final byte[] STORE_HEADER = "H:2,".getBytes(StandardCharsets.ISO_8859_1);

  private final FileChannel base;
  private final String name;
  private final boolean checkStoreHeader;
  private byte[] password; // cleared once the key is derived
  private volatile XtsAes xts;
  private volatile long size;

  /**
   * {@code password}: H2's form of the file password (its UTF-16 bytes), kept until the first use;
   * {@code checkStoreHeader}: an existing file must decipher to an H2 store header in one of its
   * first two sectors, else the key is the wrong one: H2's {@code FILE_ENCRYPTION_ERROR_1}, as with
   * {@code CIPHER=AES} (H2 itself would see a corrupted file).
   */
  AesFileChannel(String name, byte[] password, FileChannel base, boolean checkStoreHeader) {
    this.name = name;
    this.password = password;
    this.base = base;
    this.checkStoreHeader = checkStoreHeader;
  }

  private XtsAes xts() throws IOException {
    XtsAes x = xts;
    return x != null ? x : init();
  }

  private synchronized XtsAes init() throws IOException {
    if (xts != null) {
      return xts;
    }
    if (password == null) {
      throw new IOException("the key of " + name + " was dropped");
    }
    long physical = base.size();
    byte[] salt = new byte[SALT_LENGTH];
    if (physical >= HEADER_LENGTH) {
      readFully(base, MAGIC.length, ByteBuffer.wrap(salt));
    } else {
      new SecureRandom().nextBytes(salt);
      byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
      System.arraycopy(salt, 0, header, MAGIC.length, SALT_LENGTH);
      writeFully(base, 0, ByteBuffer.wrap(header));
      physical = HEADER_LENGTH;
    }
    XtsAes x = sectorCipher(password, salt);
    Arrays.fill(password, (byte) 0);
    password = null;
    long logical = physical - HEADER_LENGTH;
    if ((logical & MASK) != 0) {
      logical -= XtsAes.SECTOR; // the partial sector's padding block
    }
    size = Math.max(0, logical);
    if (checkStoreHeader && size >= 2L * XtsAes.SECTOR && !storeHeaderIn(x)) {
      // the error H2 gives for a wrong CIPHER=AES key (its store would see a corrupted file);
      // H2 does not close a file whose opening fails so: closed here, its lock with it
      close();
      throw DbException.get(ErrorCode.FILE_ENCRYPTION_ERROR_1, name);
    }
    xts = x;
    return x;
  }

  /** The sectors' cipher of a file of {@code salt} under {@code password} (H2's derivation). */
  static XtsAes sectorCipher(byte[] password, byte[] salt) {
    byte[] key = SHA256.getPBKDF2(password, salt, ITERATIONS, 16);
    try {
      return new XtsAes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private boolean storeHeaderIn(XtsAes x) throws IOException {
    byte[] first = new byte[2 * XtsAes.SECTOR];
    readFully(base, HEADER_LENGTH, ByteBuffer.wrap(first));
    x.decrypt(0, first, 0, first.length);
    return startsWithStoreHeader(first, 0) || startsWithStoreHeader(first, XtsAes.SECTOR);
  }

  private static boolean startsWithStoreHeader(byte[] b, int at) {
    return Arrays.equals(b, at, at + STORE_HEADER.length, STORE_HEADER, 0, STORE_HEADER.length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    int len = dst.remaining();
    if (len == 0) {
      return 0;
    }
    XtsAes x = xts();
    if (position < 0) {
      throw new IllegalArgumentException("pos: " + position);
    }
    if (position >= size) {
      return -1;
    }
    len = (int) Math.min(len, size - position);
    if ((position & MASK) == 0 && (len & MASK) == 0 && dst.hasArray()) {
      int at = dst.arrayOffset() + dst.position();
      readSectors(x, position, dst.array(), at, len);
      dst.position(dst.position() + len);
      return len;
    }
    long from = position & ~MASK;
    int skip = (int) (position - from);
    int whole = (skip + len + MASK) & ~MASK;
    byte[] buf = new byte[whole];
    readSectors(x, from, buf, 0, whole);
    dst.put(buf, skip, len);
    return len;
  }

  private void readSectors(XtsAes x, long position, byte[] into, int at, int len)
      throws IOException {
    readFully(base, position + HEADER_LENGTH, ByteBuffer.wrap(into, at, len));
    x.decrypt(position / XtsAes.SECTOR, into, at, len);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    XtsAes x = xts();
    int len = src.remaining();
    long from = position & ~MASK;
    int skip = (int) (position - from);
    int whole = (skip + len + MASK) & ~MASK;
    byte[] buf = new byte[whole];
    if (skip != 0 || (len & MASK) != 0) {
      // a part of a sector: the rest of its sectors as they are (what exists of them)
      long existing = Math.min(whole, ((size - from + MASK) & ~MASK));
      if (existing > 0) {
        readSectors(x, from, buf, 0, (int) existing);
      }
    }
    src.get(buf, skip, len);
    x.encrypt(from / XtsAes.SECTOR, buf, 0, whole);
    writeFully(base, from + HEADER_LENGTH, ByteBuffer.wrap(buf));
    long end = position + len;
    if (end > size) {
      size = end;
    }
    int partial = (int) (size & MASK);
    if (partial != 0 && from + whole >= size) {
      // the length in the last sector: that many padding bytes after it
      writeFully(base, from + whole + HEADER_LENGTH, ByteBuffer.allocate(partial));
    }
    return len;
  }

  @Override
  public long size() throws IOException {
    xts();
    return size;
  }

  @Override
  protected void implTruncate(long newSize) throws IOException {
    xts();
    if (newSize < 0) {
      throw new IllegalArgumentException("newSize: " + newSize);
    }
    if (newSize > size) {
      return;
    }
    base.truncate(newSize + HEADER_LENGTH + ((newSize & MASK) == 0 ? 0 : XtsAes.SECTOR));
    size = newSize;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    base.force(metaData);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return base.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    if (password != null) {
      Arrays.fill(password, (byte) 0);
    }
    base.close();
  }

  @Override
  public String toString() {
    return name;
  }

  private static void readFully(FileChannel from, long pos, ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      int n = from.read(dst, pos);
      if (n < 0) {
        throw new EOFException();
      }
      pos += n;
    }
  }

  private static void writeFully(FileChannel to, long pos, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      pos += to.write(src, pos);
    }
  }
}
