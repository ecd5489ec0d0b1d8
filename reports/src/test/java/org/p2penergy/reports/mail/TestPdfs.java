package org.p2penergy.reports.mail;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** A small real PDF to attach. */
final class TestPdfs {
  private TestPdfs() {}

  static Path write(Path file) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.getDocumentInformation().setTitle("test report " + file.getFileName());
      doc.save(file.toFile());
    }
    return file;
  }
}
