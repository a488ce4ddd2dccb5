package fr.passerelle.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;

/**
 * The logical structure of a printed document (tagged PDF): every piece of text drawn through
 * {@link #text} is marked content of a structure element ({@code H1}, {@code P}, …) under one
 * {@code Document} element, in reading order; lines and boxes drawn through {@link #artifact} are
 * marked as artifacts (layout, not content). {@link ArchivalPdf#finish} writes the parent tree.
 */
public final class Tagging {
  /** What drawing marked content does. */
  public interface Drawing {
    void draw() throws IOException;
  }

  private final PDStructureTreeRoot root;
  private final PDStructureElement document;
  private final Map<PDPage, List<PDStructureElement>> byPage = new LinkedHashMap<>();

  public Tagging(PDDocument doc) {
    root = new PDStructureTreeRoot();
    doc.getDocumentCatalog().setStructureTreeRoot(root);
    document = new PDStructureElement("Document", root);
    root.appendKid(document);
  }

  /** Draws text as marked content of a new {@code type} element (H1, H2, P…) on {@code page}. */
  public void text(PDPageContentStream cs, PDPage page, String type, Drawing drawing)
      throws IOException {
    List<PDStructureElement> elements = byPage.computeIfAbsent(page, p -> new ArrayList<>());
    int mcid = elements.size();
    COSDictionary props = new COSDictionary();
    props.setInt(COSName.MCID, mcid);
    cs.beginMarkedContent(COSName.getPDFName(type), propertyList(props));
    drawing.draw();
    cs.endMarkedContent();
    PDStructureElement e = new PDStructureElement(type, document);
    e.setPage(page);
    e.appendKid(new PDMarkedContent(COSName.getPDFName(type), props));
    document.appendKid(e);
    elements.add(e);
  }

  /** One line of text at (x, y), baseline, as a new {@code type} element on {@code page}. */
  public void showText(
      PDPageContentStream cs,
      PDPage page,
      String type,
      org.apache.pdfbox.pdmodel.font.PDFont font,
      float size,
      float x,
      float y,
      String s)
      throws IOException {
    text(
        cs,
        page,
        type,
        () -> {
          cs.beginText();
          cs.setFont(font, size);
          cs.newLineAtOffset(x, y);
          cs.showText(s);
          cs.endText();
        });
  }

  /** Draws layout (rules, boxes, bars) marked as an artifact. */
  public static void artifact(PDPageContentStream cs, Drawing drawing) throws IOException {
    cs.beginMarkedContent(COSName.ARTIFACT);
    drawing.draw();
    cs.endMarkedContent();
  }

  private static org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList
      propertyList(COSDictionary props) {
    return org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList.create(props);
  }

  /** Writes the parent tree: which structure element each marked content of each page is. */
  void finish() {
    Map<Integer, COSObjectable> parents = new LinkedHashMap<>();
    int key = 0;
    for (Map.Entry<PDPage, List<PDStructureElement>> e : byPage.entrySet()) {
      e.getKey().setStructParents(key);
      COSArray array = new COSArray();
      e.getValue().forEach(el -> array.add(el.getCOSObject()));
      parents.put(key, () -> array);
      key++;
    }
    PDNumberTreeNode tree = new PDNumberTreeNode(COSObjectable.class);
    tree.setNumbers(parents);
    root.setParentTree(tree);
    root.setParentTreeNextKey(key);
  }
}
