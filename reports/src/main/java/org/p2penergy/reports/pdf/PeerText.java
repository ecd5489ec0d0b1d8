package org.p2penergy.reports.pdf;

import java.util.Locale;
import java.util.Optional;
import org.p2penergy.reports.summary.Comparisons;

/** The comparison in plain words, for the PDF and the email: pure formatting, hand-checkable. */
public final class PeerText {
  private PeerText() {}

  /**
   * "Fridge used 1.92 kWh on Fri 27 Nov; similar fridges in Pine Court: median 1.56 kWh, the
   * efficient ones 1.20 kWh (6 fridges in 5 homes)." Week and month reports speak of kWh a day.
   */
  public static String sentence(Comparisons.Item i, String community, ReportPeriod period) {
    String when =
        switch (period) {
          case DAY -> "";
          case WEEK -> " a day over the week";
          case MONTH -> " a day this month";
        };
    String kinds = plural(i.kind());
    return i.name()
        + " used "
        + Formats.kwh(i.kwh().value())
        + when
        + "; similar "
        + kinds
        + " in "
        + community
        + ": median "
        + Formats.kwh(i.kwh().median())
        + ", the efficient ones "
        + Formats.kwh(i.kwh().p20())
        + " ("
        + i.kwh().appliances()
        + " "
        + (i.kwh().appliances() == 1 ? i.kind().replace('_', ' ') : kinds)
        + " in "
        + i.kwh().homes()
        + " homes).";
  }

  /** "Its compressor ran 41 % of the time; similar fridges: median 33 %, the efficient 28 %." */
  public static Optional<String> duty(Comparisons.Item i) {
    return i.dutyCycle()
        .map(
            d ->
                "Its compressor ran "
                    + Formats.percent(d.value())
                    + " of the time; similar "
                    + plural(i.kind())
                    + ": median "
                    + Formats.percent(d.median())
                    + ", the efficient ones "
                    + Formats.percent(d.p20())
                    + ".");
  }

  /**
   * "The comparison for Microwave starts when similar appliances from at least 5 homes take part."
   */
  public static String waiting(String name, int minHomes) {
    return "The comparison for "
        + name
        + " starts when similar appliances from at least "
        + minHomes
        + " homes take part.";
  }

  /**
   * "Microwave is not compared this day: its readings cover 80% of the day, and a comparison needs
   * 95%."
   */
  public static String tooLittleData(String name, double coverage, double minCoverage) {
    return name
        + " is not compared this day: its readings cover "
        + Formats.percent(coverage)
        + " of the day, and a comparison needs "
        + Formats.percent(minCoverage)
        + ".";
  }

  /** The email's line: "Your fridge used 58 % more than the community's median." */
  public static Optional<String> headline(Comparisons c) {
    return c.biggestGap()
        .map(
            i -> {
              double gap = Comparisons.gap(i);
              long pct = Math.round(Math.abs(gap) * 100);
              if (pct == 0) {
                return "Your "
                    + i.name()
                    + " used what the community's median "
                    + i.kind().replace('_', ' ')
                    + " used.";
              }
              return String.format(
                  Locale.ROOT,
                  "Your %s used %d %% %s than the community's median.",
                  i.name(),
                  pct,
                  gap > 0 ? "more" : "less");
            });
  }

  static String plural(String kind) {
    return switch (kind) {
      case "washing_machine" -> "washing machines";
      default -> kind.replace('_', ' ') + "s";
    };
  }
}
