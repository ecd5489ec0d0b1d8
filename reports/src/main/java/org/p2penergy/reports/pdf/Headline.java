package org.p2penergy.reports.pdf;

import java.time.LocalDate;

/**
 * The headline figures of a report: the period ending {@code date}, its total kWh and cost in
 * {@code currency} (an ISO code such as USD), and {@code table}, a short plain-text table of the
 * appliances (one line each, fixed-width columns) for an email body. {@code empty} is true when no
 * day of the period had data; {@code comparison} the email's one line on the appliance furthest
 * from its community's median, for a home compared with its community.
 */
public record Headline(
    LocalDate date,
    ReportPeriod period,
    double kwh,
    double cost,
    String currency,
    String table,
    boolean empty,
    java.util.Optional<String> comparison) {

  /** The headline of {@code period}'s figures: what the renderer returns for that report. */
  public static Headline of(org.p2penergy.reports.summary.PeriodSummary period) {
    return HeadlineText.of(period);
  }
}
