package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index files encrypted at rest (ADR 0171): what Lucene writes reads back the same at any
 * position, through clones and slices, with its checksum; the bytes on disk hold no name; a file of
 * another key is refused.
 */
class EncryptedDirectoryTest {
  @TempDir Path dir;

  static byte[] key(int seed) {
    byte[] k = new byte[32];
    new Random(seed).nextBytes(k);
    return k;
  }

  private Directory encrypted(byte[] key) throws IOException {
    return new EncryptedDirectory(FSDirectory.open(dir), key);
  }

  /** Writes {@code clear} behind a codec header and footer, in pieces of several sizes. */
  private static void write(Directory d, String name, byte[] clear) throws IOException {
    try (IndexOutput out = d.createOutput(name, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, "test", 1);
      int i = 0;
      Random r = new Random(3);
      while (i < clear.length) {
        int n = Math.min(clear.length - i, r.nextInt(3) == 0 ? 1 : r.nextInt(20_000));
        if (n == 1) {
          out.writeByte(clear[i]);
        } else {
          out.writeBytes(clear, i, n);
        }
        i += n;
      }
      CodecUtil.writeFooter(out);
    }
  }

  @Test
  void whatIsWrittenReadsBackAtAnyPositionThroughClonesAndSlices() throws IOException {
    byte[] clear = new byte[300_007];
    new Random(1).nextBytes(clear);
    int header;
    try (Directory d = encrypted(key(1))) {
      write(d, "_0.bin", clear);
      try (IndexInput in = d.openInput("_0.bin", IOContext.DEFAULT)) {
        CodecUtil.checkHeader(in, "test", 1, 1);
        header = CodecUtil.headerLength("test");
        assertThat(d.fileLength("_0.bin")).isEqualTo(in.length());
        assertThat(in.length()).isEqualTo(header + clear.length + CodecUtil.footerLength());
        CodecUtil.checksumEntireFile(in); // Lucene's checksum, on the clear bytes
        Random r = new Random(2);
        IndexInput clone = in.clone();
        RandomAccessInput random = in.randomAccessSlice(0, in.length());
        for (int k = 0; k < 2_000; k++) {
          int at = r.nextInt(clear.length - 100);
          int n = 1 + r.nextInt(100);
          byte[] got = new byte[n];
          IndexInput from = k % 2 == 0 ? in : clone;
          from.seek(header + at);
          from.readBytes(got, 0, n);
          assertThat(got).as("at %d", at).isEqualTo(Arrays.copyOfRange(clear, at, at + n));
          assertThat(random.readByte(header + at)).isEqualTo(clear[at]);
        }
        IndexInput slice = in.slice("part", header + 70_001, 50_000);
        IndexInput inner = slice.slice("inner", 17, 1_000).clone();
        byte[] part = new byte[1_000];
        inner.readBytes(part, 0, part.length);
        assertThat(part).isEqualTo(Arrays.copyOfRange(clear, 70_018, 71_018));
        slice.seek(49_999);
        assertThat(slice.readByte()).isEqualTo(clear[120_000]);
      }
    }
  }

  @Test
  void aRealIndexWorksAndItsFilesHoldNoName() throws IOException {
    try (Directory d = encrypted(key(1))) {
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        for (int i = 0; i < 2_000; i++) {
          Document doc = new Document();
          doc.add(
              new StringField("name", i == 1_234 ? "quennevilliers" : "p" + i, Field.Store.YES));
          w.addDocument(doc);
        }
        w.commit();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        IndexSearcher s = new IndexSearcher(r);
        assertThat(s.count(new TermQuery(new Term("name", "quennevilliers")))).isEqualTo(1);
        assertThat(s.storedFields().document(1_234).get("name")).isEqualTo("quennevilliers");
      }
    }
    assertThat(IndexBytes.anyHolds(dir, "quennevilliers")).isFalse();
    // the same index in clear holds it: the search for the name can find one
    Path clear = dir.resolve("clear");
    try (Directory d = FSDirectory.open(clear);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("name", "quennevilliers", Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    assertThat(IndexBytes.anyHolds(clear, "quennevilliers")).isTrue();
  }

  @Test
  void aFileOfAnotherKeyOrClearIsRefusedAtOpen() throws IOException {
    try (Directory d = encrypted(key(1))) {
      write(d, "_0.bin", "Quennevilliers".getBytes(StandardCharsets.UTF_8));
    }
    try (Directory clear = FSDirectory.open(dir)) {
      write(clear, "_1.bin", new byte[100]);
    }
    try (Directory other = encrypted(key(2))) {
      assertThatThrownBy(() -> other.openInput("_0.bin", IOContext.DEFAULT))
          .isInstanceOf(CorruptIndexException.class)
          .hasMessageContaining("not an index file encrypted with this installation's key");
      assertThatThrownBy(() -> other.openInput("_1.bin", IOContext.DEFAULT))
          .isInstanceOf(CorruptIndexException.class);
    }
    // a damaged byte of the enciphered body: Lucene's checksum of the clear bytes says so
    Path f = dir.resolve("_0.bin");
    byte[] raw = Files.readAllBytes(f);
    raw[EncryptedDirectory.HEADER + 20] ^= 1;
    Files.write(f, raw);
    try (Directory d = encrypted(key(1));
        IndexInput in = d.openInput("_0.bin", IOContext.DEFAULT)) {
      assertThatThrownBy(() -> CodecUtil.checksumEntireFile(in))
          .isInstanceOf(CorruptIndexException.class);
    }
  }
}
