package org.p2penergy.reports.mail;

import java.nio.file.Path;
import java.util.List;

/** One report email: subject, plain-text body, the PDF to attach and who gets it. */
public record OutgoingMail(String subject, String body, Path attachment, List<String> to) {
  public OutgoingMail {
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("no recipients");
    }
  }
}
