package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.analytics.job.ReadingsFiles;
import org.p2penergy.collector.store.Reading;

/**
 * A small community for the community ITs, written as a user would have it: five home files, {@code
 * community.yaml} and the readings in {@code data/} (see {@link CommunityAnalyzeIT} for the figures
 * each home must give, worked out by hand).
 */
final class SmallCommunity {
  static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  static final List<String> HOMES = List.of("oak-1", "oak-2", "oak-3", "oak-4", "oak-5");

  private SmallCommunity() {}

  static String home(String id, String zone, String tariff, String... appliances) {
    StringBuilder y =
        new StringBuilder()
            .append("home: {id: ")
            .append(id)
            .append(", name: Home ")
            .append(id)
            .append(", timezone: ")
            .append(zone)
            .append(", currency: ")
            .append(zone.startsWith("Europe") ? "EUR" : "USD")
            .append("}\ntariff: ")
            .append(tariff)
            .append("\nappliances:\n");
    for (String a : appliances) y.append("  - ").append(a).append('\n');
    return y.toString();
  }

  /** A reading every 30 s over the local day, from a little before its start to its end. */
  static List<Reading> steady(String device, String zone, double watts) {
    ZoneId z = ZoneId.of(zone);
    Instant from = DAY.atStartOfDay(z).toInstant().minusSeconds(30);
    Instant to = DAY.plusDays(1).atStartOfDay(z).toInstant();
    List<Reading> out = new ArrayList<>();
    for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(30)) {
      out.add(new Reading(device, "power", t, t, watts));
    }
    return out;
  }

  /** The home files, community.yaml (storage: the local data/ folder) and data/. */
  static Path write(Path dir) throws IOException {
    Path homes = Files.createDirectories(dir.resolve("homes"));
    Files.writeString(
        homes.resolve("oak-1.yaml"),
        home(
            "oak-1",
            "America/New_York",
            "{flat: 0.10}",
            "{device_id: aa0000000000000000000011, name: Fridge, kind: fridge}"));
    Files.writeString(
        homes.resolve("oak-2.yaml"),
        home(
            "oak-2",
            "Europe/Berlin",
            "{time_of_use: {default: 0.30, windows: [{from: '00:00', to: '12:00', rate: 0.20}]}}",
            "{device_id: aa0000000000000000000021, name: Kühlschrank, kind: fridge}"));
    Files.writeString(
        homes.resolve("oak-3.yaml"),
        home(
            "oak-3",
            "Asia/Kolkata",
            "{flat: 0.10}",
            "{device_id: aa0000000000000000000031, name: Kettle, kind: kettle}"));
    Files.writeString(
        homes.resolve("oak-4.yaml"),
        home(
            "oak-4",
            "UTC",
            "{flat: 0.10}",
            "{device_id: aa0000000000000000000041, name: Fridge, kind: fridge}"));
    Files.writeString(
        homes.resolve("oak-5.yaml"),
        home(
            "oak-5",
            "UTC",
            "{flat: 0.10}",
            "{device_id: aa0000000000000000000051, name: Fridge, kind: fridge}"));
    Path community =
        Files.writeString(
            dir.resolve("community.yaml"),
            """
            community: {name: Oak Lane}
            peers: {min_homes: 3}
            storage: {url: data}
            homes: [homes/oak-1.yaml, homes/oak-2.yaml, homes/oak-3.yaml, homes/oak-4.yaml,
                    homes/oak-5.yaml]
            """);
    Path data = dir.resolve("data");
    ReadingsFiles.write(
        data, "oak-1", steady("aa0000000000000000000011", "America/New_York", 105.5));
    ReadingsFiles.write(data, "oak-2", steady("aa0000000000000000000021", "Europe/Berlin", 105.5));
    List<Reading> three = new ArrayList<>(steady("aa0000000000000000000031", "Asia/Kolkata", 55.5));
    three.addAll(steady("cafe00000000000000000003", "Asia/Kolkata", 15.5));
    ReadingsFiles.write(data, "oak-3", three);
    ReadingsFiles.write(data, "oak-5", steady("aa0000000000000000000051", "UTC", 105.5));
    Path garbage = data.resolve("readings/home=oak-5/date=2026-11-01/part-garbage.parquet");
    Files.write(garbage, "PAR1 this is not a Parquet file at all PAR1".getBytes());

    return community;
  }

  /** The same homes, reading and writing through an S3 store instead. */
  static Path writeS3Community(Path dir, String url, int port, String keyEnv, String secretEnv)
      throws IOException {
    return Files.writeString(
        dir.resolve("community-s3.yaml"),
        "community: {name: Oak Lane}\n"
            + "peers: {min_homes: 3}\n"
            + "storage: {url: '"
            + url
            + "', endpoint: 'http://127.0.0.1:"
            + port
            + "', region: us-east-1, path_style: true, access_key_env: "
            + keyEnv
            + ", secret_key_env: "
            + secretEnv
            + "}\n"
            + "homes: [homes/oak-1.yaml, homes/oak-2.yaml, homes/oak-3.yaml, homes/oak-4.yaml,"
            + " homes/oak-5.yaml]\n");
  }
}
