package org.p2penergy.reports.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The email's headline figures for a report that is already on disk, read from the {@code
 * summary.json} files of the days it covers ({@code DATA/reports/D/}): a day report covers D, a
 * week report the 7 days ending with D, a month report the 1st of D's month up to D.
 */
public final class SummaryFigures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryFigures() {}

  /** The period a report file is for, from its name ({@code report-week.pdf} is a week). */
  public static String periodOf(Path report) {
    String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("week")) return "week";
    if (name.contains("month")) return "month";
    return "day";
  }

  /**
   * Figures for the report at {@code DATA/reports/D/report-*.pdf}, or empty when its folder is not
   * a dated report folder with a summary.
   */
  public static Optional<ReportFigures> forReport(Path report) {
    Path folder = report.toAbsolutePath().getParent();
    LocalDate date;
    try {
      date = LocalDate.parse(folder.getFileName().toString());
    } catch (RuntimeException notADate) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(folder.resolve("summary.json"))) {
      return Optional.empty();
    }
    return Optional.of(read(folder.getParent(), date, periodOf(report)));
  }

  static ReportFigures read(Path reportsDir, LocalDate date, String period) {
    LocalDate first =
        switch (period) {
          case "week" -> date.minusDays(6);
          case "month" -> date.withDayOfMonth(1);
          default -> date;
        };
    Map<String, double[]> perAppliance = new LinkedHashMap<>();
    double kwh = 0;
    double cost = 0;
    String currency = "USD";
    for (LocalDate d = first; !d.isAfter(date); d = d.plusDays(1)) {
      Path file = reportsDir.resolve(d.toString()).resolve("summary.json");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonNode root = parse(file);
      currency = root.path("home").path("currency").asText(currency);
      kwh += root.path("totals").path("kwh").asDouble();
      cost += root.path("totals").path("cost").asDouble();
      for (JsonNode a : root.path("appliances")) {
        double[] sums =
            perAppliance.computeIfAbsent(
                a.path("appliance").asText(a.path("device_id").asText()), k -> new double[2]);
        sums[0] += a.path("kwh").asDouble();
        sums[1] += a.path("cost").asDouble();
      }
    }
    return new ReportFigures(date, period, kwh, cost, currency, table(perAppliance, kwh, currency));
  }

  static String table(Map<String, double[]> perAppliance, double totalKwh, String currency) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, "%-24s %10s %10s %6s%n", "Appliance", "kWh", "Cost", "Share"));
    perAppliance.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(
            e -> {
              double share = totalKwh > 0 ? 100 * e.getValue()[0] / totalKwh : 0;
              out.append(
                  String.format(
                      Locale.ROOT,
                      "%-24s %10.2f %10s %5.0f%%%n",
                      e.getKey(),
                      e.getValue()[0],
                      MailComposer.money(e.getValue()[1], currency),
                      share));
            });
    return out.toString();
  }

  private static JsonNode parse(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new org.p2penergy.collector.cli.UserException(
          file + ": not a readable summary (" + e.getClass().getSimpleName() + ")");
    }
  }
}
