package org.p2penergy.notebooks.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults planted in the demo data, relative to its first day: stream outages (all devices
 * silent, recorded in {@code outages/}), a sensor that went quiet on its own (not recorded: only a
 * gap shows it), readings written twice after a reconnect, and quarantined events.
 *
 * @param outages stream down; {@code deviceId} null, {@code state} the reason
 * @param offline one sensor silent
 * @param duplicated windows whose readings were written a second time
 * @param quarantine lines of {@code quarantine/DATE.jsonl}: date, reason, event, raw text
 */
public record DemoFaults(
    List<Episode> outages,
    List<Episode> offline,
    List<Episode> duplicated,
    List<QuarantinedEvent> quarantine) {

  public record QuarantinedEvent(Instant receivedAt, String reason, String event, String raw) {}

  public DemoFaults {
    outages = List.copyOf(outages);
    offline = List.copyOf(offline);
    duplicated = List.copyOf(duplicated);
    quarantine = List.copyOf(quarantine);
  }

  /** The standard set of faults for data starting on {@code first} and ending on {@code last}. */
  public static DemoFaults standard(LocalDate first, LocalDate last) {
    List<Episode> outages = new ArrayList<>();
    addOutage(outages, last, utc(first.plusDays(8), 8, 0, 0), 25 * 60, "read timeout");
    addOutage(outages, last, utc(first.plusDays(17), 19, 2, 10), 390, "stream closed by the cloud");
    // 21:40-22:20 New York time: an outage across the UTC date line.
    addOutage(outages, last, utc(first.plusDays(25), 2, 40, 0), 40 * 60, "HTTP 503 from the cloud");

    List<Episode> offline = new ArrayList<>();
    LocalDate quiet = first.plusDays(19);
    if (!quiet.isAfter(last)) {
      Instant start = quiet.atTime(10, 0).atZone(DemoHome.ZONE).toInstant();
      offline.add(
          new Episode(DemoHome.MICROWAVE, "sensor offline", start, start.plusSeconds(15 * 60), 0));
    }

    // After each outage the collector re-sent the minute before it: the same rows twice.
    List<Episode> duplicated = new ArrayList<>();
    for (Episode outage : outages) {
      duplicated.add(
          new Episode(null, "rewritten", outage.start().minusSeconds(60), outage.start(), 0));
    }

    List<QuarantinedEvent> quarantine = new ArrayList<>();
    Instant q1 = utc(first.plusDays(3), 14, 5, 12);
    quarantine.add(
        new QuarantinedEvent(q1, "bad JSON", "power", "{\"data\":\"160.2\",\"ttl\":60,\"publ"));
    quarantine.add(
        new QuarantinedEvent(
            q1.plusSeconds(4),
            "missing coreid",
            "power",
            "{\"data\":\"21.0\",\"ttl\":60,\"published_at\":\"" + q1.plusSeconds(4) + "\"}"));
    Instant q2 = utc(first.plusDays(12), 1, 30, 0);
    for (int i = 0; i < 3; i++) {
      Instant at = q2.plusSeconds(4L * i);
      quarantine.add(
          new QuarantinedEvent(
              at,
              "not a number",
              "power",
              "{\"data\":\"ERR\",\"ttl\":60,\"published_at\":\""
                  + at
                  + "\",\"coreid\":\""
                  + DemoHome.MICROWAVE
                  + "\"}"));
    }
    Instant q3 = utc(first.plusDays(21), 22, 45, 3);
    quarantine.add(new QuarantinedEvent(q3, "bad JSON", "power", "data: {\"data\":"));
    quarantine.add(
        new QuarantinedEvent(
            q3.plusSeconds(9),
            "missing published_at",
            "power",
            "{\"data\":\"6.4\",\"ttl\":60,\"coreid\":\"" + DemoHome.PI + "\"}"));
    quarantine.removeIf(q -> q.receivedAt().isAfter(endOf(last)));
    return new DemoFaults(outages, offline, duplicated, quarantine);
  }

  /** Outages and offline sensors: when nothing was published. */
  public List<Episode> silent() {
    List<Episode> all = new ArrayList<>(outages);
    all.addAll(offline);
    return all;
  }

  private static void addOutage(
      List<Episode> outages, LocalDate last, Instant start, long seconds, String reason) {
    if (start.isBefore(endOf(last))) {
      outages.add(new Episode(null, reason, start, start.plusSeconds(seconds), 0));
    }
  }

  private static Instant endOf(LocalDate last) {
    return last.plusDays(1).atStartOfDay(DemoHome.ZONE).toInstant();
  }

  private static Instant utc(LocalDate date, int hour, int minute, int second) {
    return date.atTime(LocalTime.of(hour, minute, second)).toInstant(ZoneOffset.UTC);
  }
}
