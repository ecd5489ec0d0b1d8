package org.p2penergy.reports.pdf;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

/** Coverage per appliance, outages, quarantined events, duplicates, unreadable files. */
final class DataQualitySection {
  static final String TITLE = "Data quality";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private DataQualitySection() {}

  static void write(PageWriter page, PeriodSummary p, FontSet fonts) {
    page.heading(TITLE);
    if (!p.appliances().isEmpty()) {
      page.table(table(p), 7.5f);
    }
    ZoneId zone = zone(p.home().timezone());
    List<DaySummary.Outage> outages =
        p.days().stream().flatMap(d -> d.dataQuality().outages().stream()).toList();
    page.paragraph(
        "Outages (stream down, nothing recorded): "
            + (outages.isEmpty() ? "none." : outages.size() + "."),
        9,
        false);
    outages.stream().limit(10).forEach(o -> page.paragraph(outage(o, zone), 8, true));
    if (outages.size() > 10) {
      page.paragraph("… and " + (outages.size() - 10) + " more.", 8, true);
    }
    long quarantined = p.days().stream().mapToLong(d -> d.dataQuality().quarantined()).sum();
    Map<String, Long> reasons = new TreeMap<>();
    p.days()
        .forEach(
            d ->
                d.dataQuality()
                    .quarantineReasons()
                    .forEach((k, v) -> reasons.merge(k, v, Long::sum)));
    page.paragraph(
        "Quarantined events: "
            + quarantined
            + (reasons.isEmpty()
                ? "."
                : " ("
                    + reasons.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "))
                    + ")."),
        9,
        false);
    long duplicates = p.days().stream().mapToLong(d -> d.dataQuality().duplicates()).sum();
    page.paragraph("Duplicate readings (counted once): " + duplicates + ".", 9, false);
    long outOfRange = p.days().stream().mapToLong(d -> d.dataQuality().outOfRange()).sum();
    if (outOfRange > 0) {
      page.paragraph(
          "Readings outside the physical range (a broken sensor or a unit mix-up; left out, not"
              + " billed): "
              + outOfRange
              + ".",
          9,
          false);
    }
    List<String> unreadable =
        p.days().stream()
            .flatMap(d -> d.dataQuality().unreadableFiles().stream())
            .distinct()
            .toList();
    page.paragraph(
        "Files that could not be read: "
            + (unreadable.isEmpty() ? "none." : unreadable.size() + "."),
        9,
        false);
    unreadable.stream().limit(10).forEach(f -> page.paragraph(f, 8, true));
    for (SummaryReader.Unreadable u : p.unreadable()) {
      page.paragraph(
          "The summary of " + u.date() + " could not be read and is left out: " + u.problem(),
          9,
          false);
    }
    if (!p.missing().isEmpty()) {
      page.paragraph(
          "Days with no summary: "
              + p.missing().stream().map(d -> d.toString()).collect(Collectors.joining(", "))
              + ".",
          9,
          false);
    }
    if (fonts.missingCharacters() > 0) {
      page.paragraph(
          fonts.missingCharacters()
              + " distinct character(s) could not be shown: no installed font has them, so they appear as "
              + FontSet.PLACEHOLDER
              + ". Install a font such as fonts-droid-fallback, or set P2PENERGY_FALLBACK_FONT.",
          9,
          false);
    }
  }

  static Table table(PeriodSummary p) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (DaySummary d : p.days()) {
      for (DaySummary.Appliance a : d.appliances()) {
        long[] c = counts.computeIfAbsent(a.deviceId(), k -> new long[2]);
        c[0] += a.readings();
        c[1] += a.gaps();
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (ApplianceTotal a : p.appliances()) {
      long[] c = counts.getOrDefault(a.deviceId(), new long[2]);
      rows.add(
          List.of(
              a.name(),
              a.deviceId(),
              Formats.percent(a.coverage()),
              Long.toString(c[1]),
              Long.toString(c[0]),
              a.days() + " / " + p.period().dates(p.end()).size()));
    }
    return new Table(
        List.of("Appliance", "Device", "Coverage", "Gaps", "Readings", "Days with data"),
        List.of(2.4f, 2.8f, 1f, 0.8f, 1.1f, 1.5f),
        List.of(false, false, true, true, true, true),
        rows,
        0);
  }

  private static String outage(DaySummary.Outage o, ZoneId zone) {
    if (o.start() == null) {
      return o.reason();
    }
    String end = o.end() == null ? "?" : TIME.format(o.end().atZoneSameInstant(zone));
    String length =
        o.end() == null
            ? ""
            : " (" + Formats.duration(Duration.between(o.start(), o.end()).toSeconds()) + ")";
    return WHEN.format(o.start().atZoneSameInstant(zone))
        + "–"
        + end
        + length
        + ": "
        + (o.reason() == null ? "" : o.reason());
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
