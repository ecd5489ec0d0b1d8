package org.p2penergy.reports.mail;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.p2penergy.reports.pdf.Formats;
import org.p2penergy.reports.pdf.Headline;

/** Subject and plain-text body of a report email: pure formatting, figures as in the PDF. */
public final class MailComposer {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private MailComposer() {}

  public static OutgoingMail compose(
      String homeName, Headline headline, Path pdf, List<String> to) {
    return new OutgoingMail(subject(headline), body(homeName, headline, pdf), pdf, to);
  }

  /** {@code P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51}. */
  public static String subject(Headline h) {
    return "P2P Energy — " + periodLabel(h) + ": " + figures(h);
  }

  static String figures(Headline h) {
    if (h.empty()) {
      return "no data";
    }
    return Formats.kwh(h.kwh()) + ", " + new Formats(h.currency()).money(h.cost());
  }

  static String body(String homeName, Headline h, Path pdf) {
    String title =
        switch (h.period()) {
          case WEEK -> "the week ending " + Formats.longDay(h.date());
          case MONTH -> h.date().format(MONTH) + " (to " + h.date().format(DAY) + ")";
          case DAY -> Formats.longDay(h.date());
        };
    return "P2P Energy report for "
        + homeName
        + ", "
        + title
        + "\n\nTotal: "
        + figures(h)
        + h.comparison().map(line -> "\n" + line).orElse("")
        + "\n\n"
        + h.table().stripTrailing()
        + "\n\nThe full report with charts is attached ("
        + pdf.getFileName()
        + ").\n";
  }

  static String periodLabel(Headline h) {
    return switch (h.period()) {
      case WEEK -> "week to " + h.date().format(DAY);
      case MONTH -> h.date().format(MONTH);
      case DAY -> h.date().format(DAY);
    };
  }
}
