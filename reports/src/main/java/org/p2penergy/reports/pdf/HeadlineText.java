package org.p2penergy.reports.pdf;

import java.util.Locale;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.Comparisons;
import org.p2penergy.reports.summary.PeriodSummary;

/** Builds a report's {@link Headline}, with the plain-text appliance table for an email body. */
final class HeadlineText {
  private static final int NAME_WIDTH = 24;

  private HeadlineText() {}

  static Headline of(PeriodSummary p) {
    Formats f = new Formats(p.currency());
    return new Headline(
        p.end(),
        p.period(),
        p.totals().kwh(),
        p.totals().cost(),
        p.currency(),
        table(p, f),
        p.isEmpty(),
        PeerText.headline(Comparisons.of(p)));
  }

  static String table(PeriodSummary p, Formats f) {
    if (p.isEmpty()) {
      return "(no data for this period)\n";
    }
    int nameWidth =
        Math.min(
            NAME_WIDTH,
            Math.max(
                "Appliance".length(),
                p.appliances().stream().mapToInt(a -> codePoints(a.name())).max().orElse(0)));
    // The name column is padded by hand: %-24s counts UTF-16 units, and an emoji is two of them.
    String format = "%s %9s %9s %6s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, format, pad("Appliance", nameWidth), "kWh", "Cost", "Share"));
    for (ApplianceTotal a : p.appliances()) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              pad(clip(a.name(), nameWidth), nameWidth),
              Formats.number(a.kwh()),
              f.money(a.cost()),
              Formats.percent(a.share())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            format,
            pad("Total", nameWidth),
            Formats.number(p.totals().kwh()),
            f.money(p.totals().cost()),
            "100%"));
    return out.toString();
  }

  /** At most {@code width} characters (code points: an emoji is never cut in half). */
  static String clip(String name, int width) {
    if (codePoints(name) <= width) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, width - 1)) + "…";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - codePoints(text)));
  }

  private static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }
}
