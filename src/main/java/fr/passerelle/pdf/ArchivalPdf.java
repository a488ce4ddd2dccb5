package fr.passerelle.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a printed document fit to archive (PDF/A-2A, ISO 19005-2, level A: tagged) and to
 * read: XMP metadata (title, language, creator, dates, the PDF/A identification), an sRGB output
 * intent (the profile of the Java runtime), {@code /Lang fr-FR}, the title shown by viewers, the
 * structure tree of {@link Tagging}, and embedded fonts loaded without their ligature substitutions
 * (so that extracted text says "Offres", not "Oﬀres").
 */
public final class ArchivalPdf {
  /** The fonts shipped for printed documents (DejaVu Sans, see its licence beside it). */
  public static final String REGULAR = "/fr/passerelle/fonts/DejaVuSans.ttf";

  public static final String BOLD = "/fr/passerelle/fonts/DejaVuSans-Bold.ttf";

  /** The language of every document Passerelle prints. */
  public static final String LANGUAGE = "fr-FR";

  private ArchivalPdf() {}

  /**
   * A shipped TrueType font, embedded as a subset, with glyph substitution (GSUB) off: PDFBox would
   * otherwise draw "ff" as the ligature glyph, which text extraction and screen readers give back
   * as U+FB00.
   */
  public static PDType0Font font(PDDocument doc, String resource) {
    try (InputStream in = ArchivalPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the build: " + resource);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
      ttf.setEnableGsub(false);
      doc.registerTrueTypeFontForClosing(ttf);
      return PDType0Font.load(doc, ttf, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes {@code doc} a PDF/A-2A document: call once the pages are drawn and {@code tagging} is
   * finished, before saving.
   */
  public static void finish(
      PDDocument doc, Tagging tagging, String title, String subject, ZonedDateTime created) {
    tagging.finish();
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    catalog.setLanguage(LANGUAGE);
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    catalog.setMarkInfo(mark);
    PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
    prefs.setDisplayDocTitle(true);
    catalog.setViewerPreferences(prefs);

    GregorianCalendar when = GregorianCalendar.from(created);
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setSubject(subject);
    info.setCreator("Passerelle");
    info.setProducer("Passerelle (Apache PDFBox)");
    info.setCreationDate(when);
    info.setModificationDate(when);

    try {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
      dc.setTitle(title);
      dc.setDescription(subject);
      dc.addLanguage(LANGUAGE);
      dc.addCreator("Passerelle");
      dc.setFormat("application/pdf");
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreatorTool("Passerelle");
      basic.setCreateDate(when);
      basic.setModifyDate(when);
      AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
      pdf.setProducer("Passerelle (Apache PDFBox)");
      PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
      id.setPart(2);
      id.setConformance("A");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, bytes, true);
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(bytes.toByteArray());
      catalog.setMetadata(metadata);

      PDOutputIntent intent =
          new PDOutputIntent(
              doc, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
      intent.setInfo("sRGB IEC61966-2.1");
      intent.setOutputCondition("sRGB IEC61966-2.1");
      intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
      intent.setRegistryName("http://www.color.org");
      catalog.addOutputIntent(intent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (BadFieldValueException | TransformerException e) {
      throw new IllegalStateException("cannot write the PDF/A metadata", e);
    }
  }
}
