package org.p2penergy.reports.nightly;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** What the test SMTP server received. */
final class Inbox {
  private Inbox() {}

  /** The subjects of the received messages, in order. */
  static List<String> subjects(GreenMailExtension greenMail) throws MessagingException {
    List<String> s = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      s.add(m.getSubject());
    }
    return s;
  }
}
