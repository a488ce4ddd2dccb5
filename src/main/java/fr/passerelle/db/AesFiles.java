package fr.passerelle.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * H2's file system for encrypted databases (ADR 0207): {@code pxaes:HANDLE:/path/to/file} is the
 * file {@code /path/to/file} in H2's {@code CIPHER=AES} format ({@link AesFileChannel}), read and
 * written with the JDK's AES. {@code HANDLE} is an opaque random name for a file password held
 * here, in memory, while a {@link Key} is open: the URL, the file names H2 puts in its messages and
 * its trace file never hold the secret. Every file H2 makes beside the database under the same
 * prefix (its temporary and compaction files, its trace) is encrypted the same way.
 *
 * <p>H2 makes its file systems by reflection ({@link FilePath#register}, a public no-argument
 * constructor) and keeps them for the life of the JVM; the keys are this class's one shared map,
 * each dropped when its {@link Key} closes.
 */
public final class AesFiles extends FilePathWrapper {
  static final String SCHEME = "pxaes";
  private static final Map<String, byte[]> PASSWORDS = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    FilePath.register(new AesFiles());
  }

  /** For H2's reflection only. */
  public AesFiles() {}

  /**
   * A file password lent to H2 under a fresh handle, until {@link #close()}; {@link #prefix()} goes
   * before an absolute file name (in an H2 URL: {@code jdbc:h2:} + prefix + path).
   */
  static final class Key implements AutoCloseable {
    private final String handle;

    private Key(String handle) {
      this.handle = handle;
    }

    String prefix() {
      return SCHEME + ":" + handle + ":";
    }

    /** Drops the password: the files of this prefix no longer open (open channels keep theirs). */
    @Override
    public void close() {
      byte[] pw = PASSWORDS.remove(handle);
      if (pw != null) {
        Arrays.fill(pw, (byte) 0);
      }
    }
  }

  /** Lends {@code filePassword} (H2's file password, as with {@code CIPHER=AES}; copied). */
  static Key lend(char[] filePassword) {
    byte[] h = new byte[16];
    RANDOM.nextBytes(h);
    String handle = HexFormat.of().formatHex(h);
    PASSWORDS.put(handle, FilePathEncrypt.getPasswordBytes(filePassword));
    return new Key(handle);
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  protected String getPrefix() {
    return SCHEME + ":" + handleOf(name) + ":";
  }

  @Override
  protected FilePath unwrap(String fileName) {
    handleOf(fileName);
    return FilePath.get(fileName.substring(fileName.indexOf(':', SCHEME.length() + 1) + 1));
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    byte[] pw = PASSWORDS.get(handleOf(name));
    if (pw == null) {
      throw new IOException("no key is open for " + name);
    }
    FileChannel base = getBase().open(mode);
    return new AesFileChannel(name, pw.clone(), base, name.endsWith(".mv.db"));
  }

  /** The size H2 sees (the length of the deciphered content). */
  @Override
  public long size() {
    long physical = getBase().size() - AesFileChannel.HEADER_LENGTH;
    if ((physical & (XtsAes.SECTOR - 1)) != 0) {
      physical -= XtsAes.SECTOR;
    }
    return Math.max(0, physical);
  }

  /**
   * Buffered: H2's streams (a {@code BACKUP TO}'s ZIP, its trace) write a few hundred bytes at a
   * time, and each write into a partial sector deciphers and enciphers it again.
   */
  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    return new java.io.BufferedOutputStream(
        newFileChannelOutputStream(open("rw"), append), 1 << 16);
  }

  @Override
  public InputStream newInputStream() throws IOException {
    return Channels.newInputStream(open("r"));
  }

  private static String handleOf(String fileName) {
    int end = fileName.indexOf(':', SCHEME.length() + 1);
    if (!fileName.startsWith(SCHEME + ":") || end < 0) {
      throw new IllegalArgumentException(fileName + " is not a " + SCHEME + " file name");
    }
    return fileName.substring(SCHEME.length() + 1, end);
  }
}
