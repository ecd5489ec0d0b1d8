package org.p2penergy.reports.mail;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Subject and plain-text body of a report email: pure formatting. */
public final class MailComposer {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter LONG_DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final Map<String, String> SYMBOLS =
      Map.of(
          "USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "CNY", "¥", "INR", "₹", "CAD", "CA$",
          "AUD", "A$", "CHF", "CHF ");

  private MailComposer() {}

  public static OutgoingMail compose(
      String homeName, ReportFigures figures, Path pdf, List<String> to) {
    return new OutgoingMail(subject(figures), body(homeName, figures, pdf), pdf, to);
  }

  /** {@code P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51}. */
  public static String subject(ReportFigures f) {
    return "P2P Energy — "
        + periodLabel(f)
        + ": "
        + kwh(f.kwh())
        + ", "
        + money(f.cost(), f.currency());
  }

  static String body(String homeName, ReportFigures f, Path pdf) {
    String title =
        switch (f.period()) {
          case "week" -> "the week ending " + f.date().format(LONG_DAY);
          case "month" -> f.date().format(MONTH);
          default -> f.date().format(LONG_DAY);
        };
    return "P2P Energy report for "
        + homeName
        + ", "
        + title
        + "\n\nTotal: "
        + kwh(f.kwh())
        + ", "
        + money(f.cost(), f.currency())
        + "\n\n"
        + f.table().stripTrailing()
        + "\n\nThe full report with charts is attached ("
        + pdf.getFileName()
        + ").\n";
  }

  static String periodLabel(ReportFigures f) {
    return switch (f.period()) {
      case "week" -> "week to " + f.date().format(DAY);
      case "month" -> f.date().format(MONTH);
      default -> f.date().format(DAY);
    };
  }

  static String kwh(double kwh) {
    return String.format(Locale.ROOT, "%.2f kWh", kwh);
  }

  static String money(double amount, String currency) {
    String symbol = SYMBOLS.get(currency);
    if (symbol == null) {
      symbol = symbolOf(currency);
    }
    return symbol + String.format(Locale.ROOT, "%.2f", amount);
  }

  private static String symbolOf(String currency) {
    try {
      String s = Currency.getInstance(currency).getSymbol(Locale.ENGLISH);
      return s.equals(currency) ? currency + " " : s;
    } catch (IllegalArgumentException e) {
      return currency + " ";
    }
  }
}
