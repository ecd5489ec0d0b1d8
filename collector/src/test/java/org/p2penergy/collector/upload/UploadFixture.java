package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2penergy.collector.store.DurableStore;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.DeviceHomes;

/** A home file with a storage block, its keys in an environment, and readings to upload. */
final class UploadFixture {
  static final String HOME = "elm-12";
  static final String BUCKET = "p2p-energy";
  static final String PREFIX = "community";
  static final String KEY_ENV = "P2PENERGY_S3_ACCESS_KEY";
  static final String SECRET_ENV = "P2PENERGY_S3_SECRET_KEY";

  private UploadFixture() {}

  /** A home file for {@code s3://bucket/community} at {@code endpoint}. */
  static Path config(Path dir, String endpoint, String bucket, String extra) throws IOException {
    Path file = dir.resolve("home-" + bucket + "-" + Math.abs(endpoint.hashCode()) + ".yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "home:",
            "  id: " + HOME,
            "storage:",
            "  url: s3://" + bucket + "/" + PREFIX,
            "  endpoint: " + endpoint,
            "  region: us-east-1",
            "  path_style: true",
            "  access_key_env: " + KEY_ENV,
            "  secret_key_env: " + SECRET_ENV,
            extra == null ? "" : extra,
            ""));
    return file;
  }

  static Map<String, String> env(String id, String secret) {
    return Map.of(KEY_ENV, id, SECRET_ENV, secret);
  }

  /**
   * Writes {@code perDay} readings on each of {@code days} UTC days from {@code first} for two
   * devices, through the collector's own store (real Parquet, real roll); returns them.
   */
  static List<Reading> readings(Path data, Instant first, int days, int perDay, int maxRows)
      throws IOException {
    List<Reading> all = new ArrayList<>();
    try (DurableStore store =
        DurableStore.builder(data)
            .homes(DeviceHomes.single(HOME))
            .settings(
                new CollectorSettings(
                    java.time.Duration.ofDays(1),
                    java.time.Duration.ofDays(3650),
                    maxRows,
                    CollectorSettings.DEFAULT_READ_TIMEOUT))
            .clock(Clock.systemUTC())
            .background(false)
            .open()) {
      for (int d = 0; d < days; d++) {
        for (int i = 0; i < perDay; i++) {
          Instant ts = first.plusSeconds(86_400L * d + 7L * i);
          for (String device : List.of("34003d000547363332363639", "2a0031000447363339343638")) {
            Reading r = new Reading(device, "power", ts, ts.plusMillis(250), 20 + (i % 140));
            store.accept(r);
            all.add(r);
          }
        }
      }
    }
    return all;
  }

  /** Every relative path of a file under DATA that belongs in the store, and its bytes. */
  static List<Path> files(Path data, String top) throws IOException {
    Path dir = data.resolve(top);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** Every row of every Parquet object (each must be a readable Parquet file). */
  static List<Reading> rowsInStore(Map<String, Path> objects) throws IOException {
    List<Reading> rows = new ArrayList<>();
    for (Map.Entry<String, Path> o : objects.entrySet()) {
      if (o.getKey().endsWith(".parquet")) {
        rows.addAll(ReadingsFileReader.readAll(o.getValue()));
      }
    }
    return rows;
  }
}
