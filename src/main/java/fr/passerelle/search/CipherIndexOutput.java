package fr.passerelle.search;

import java.io.IOException;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import org.apache.lucene.store.IndexOutput;

/**
 * Writes an index file enciphered ({@link EncryptedDirectory}): the clear bytes are buffered,
 * enciphered in counter mode and written to the file after its header. The file pointer and the
 * checksum are those of the clear bytes, as Lucene's footers expect.
 */
final class CipherIndexOutput extends IndexOutput {
  private static final int BUFFER = 8192;

  private final IndexOutput out;
  private final Cipher cipher;
  private final byte[] buffer = new byte[BUFFER];
  private final byte[] enciphered = new byte[BUFFER];
  private final CRC32 crc = new CRC32();
  private int used;
  private long flushed;
  private boolean closed;

  /** {@code out}: positioned after the header; {@code cipher}: initialised for this file. */
  CipherIndexOutput(IndexOutput out, Cipher cipher) {
    super("CipherIndexOutput(" + out + ")", out.getName());
    this.out = out;
    this.cipher = cipher;
  }

  @Override
  public void writeByte(byte b) throws IOException {
    if (used == BUFFER) {
      flushBuffer();
    }
    buffer[used++] = b;
  }

  @Override
  public void writeBytes(byte[] b, int offset, int length) throws IOException {
    while (length > 0) {
      if (used == BUFFER) {
        flushBuffer();
      }
      int n = Math.min(length, BUFFER - used);
      System.arraycopy(b, offset, buffer, used, n);
      used += n;
      offset += n;
      length -= n;
    }
  }

  private void flushBuffer() throws IOException {
    if (used == 0) {
      return;
    }
    crc.update(buffer, 0, used);
    try {
      int n = cipher.update(buffer, 0, used, enciphered, 0);
      out.writeBytes(enciphered, 0, n);
    } catch (ShortBufferException e) {
      throw new IOException("enciphering " + getName(), e);
    }
    flushed += used;
    used = 0;
  }

  @Override
  public long getFilePointer() {
    return flushed + used;
  }

  @Override
  public long getChecksum() throws IOException {
    flushBuffer();
    return crc.getValue();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      flushBuffer();
    }
  }
}
