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
                p.appliances().stream().mapToInt(a -> a.name().length()).max().orElse(0)));
    String format = "%-" + nameWidth + "s %9s %9s %6s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, format, "Appliance", "kWh", "Cost", "Share"));
    for (ApplianceTotal a : p.appliances()) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              clip(a.name(), nameWidth),
              Formats.number(a.kwh()),
              f.money(a.cost()),
              Formats.percent(a.share())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "Total",
            Formats.number(p.totals().kwh()),
            f.money(p.totals().cost()),
            "100%"));
    return out.toString();
  }

  private static String clip(String name, int width) {
    return name.length() <= width ? name : name.substring(0, width - 1) + "…";
  }
}
