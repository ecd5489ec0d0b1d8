package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.collector.importer.CsvTraceFormat;
import org.p2penergy.collector.importer.CsvTraceReader;
import org.p2penergy.collector.importer.TracePoint;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.ParquetOptions;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileWriter;
import org.p2penergy.home.config.ConfigLoader;

/**
 * The job on public data nobody on this project made (src/test/resources/real, README there):
 * tracebase plug traces and an AMPds2 sub-meter, imported with the collector's CSV importer and
 * Parquet writer, against the independent figures in reference.csv and the meter's own counter.
 */
class RealDataIT {
  private static final Path REAL = Path.of("src/test/resources/real");
  private static SparkSession spark;
  private static final List<String> figures = new ArrayList<>();

  @TempDir static Path tracebase;
  @TempDir static Path ampds;

  @BeforeAll
  static void importTraces() throws IOException {
    spark = TestSpark.start("RealDataIT");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(REAL.resolve("tracebase"))) {
      files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      String device = file.getFileName().toString().substring(0, "dev_XXXXXX".length());
      importFile(tracebase, file, CsvTraceFormat.tracebase(), device);
    }
    importFile(
        ampds,
        REAL.resolve("ampds2/Electricity_B1E_2014-02-25_2014-03-03.csv"),
        CsvTraceFormat.ampds2(),
        "B1E");
  }

  @AfterAll
  static void stop() throws IOException {
    spark.stop();
    Path out = Path.of("target/real-data-figures.txt");
    Files.write(out, figures, StandardCharsets.UTF_8);
  }

  /** One readings file per (device, UTC date), rows sorted by ts, as the collector writes them. */
  private static void importFile(Path data, Path csv, CsvTraceFormat format, String device)
      throws IOException {
    List<TracePoint> points = new CsvTraceReader(format).readAll(csv);
    Map<LocalDate, List<TracePoint>> byDate = new TreeMap<>();
    for (TracePoint p : points) {
      byDate
          .computeIfAbsent(p.ts().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>())
          .add(p);
    }
    for (Map.Entry<LocalDate, List<TracePoint>> e : byDate.entrySet()) {
      List<TracePoint> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparing(TracePoint::ts));
      Path target =
          data.resolve("readings/home=home/date=" + e.getKey())
              .resolve("part-" + csv.getFileName().toString().replace(".csv", "") + ".parquet");
      try (ReadingsFileWriter writer =
          new ReadingsFileWriter(target, ParquetOptions.DEFAULT, IoFaults.NONE)) {
        for (TracePoint p : sorted) {
          writer.write(new Reading(device, "power", p.ts(), p.ts(), p.value()));
        }
        writer.commit();
      }
    }
  }

  private static Map<String, Double> run(
      Path data, String config, LocalDate from, LocalDate to, IntegrationRule rule)
      throws IOException {
    new EnergyJob(spark, Clock.systemUTC(), line -> {})
        .run(
            AnalyzeRequest.ofHome(
                data.toString(), ConfigLoader.parse(config), config, from, to, rule, 10));
    Map<String, Double> kwh = new HashMap<>();
    for (Row r : spark.read().parquet(data.resolve("analytics/daily").toString()).collectAsList()) {
      kwh.put(r.getAs("device_id") + " " + r.getLocalDate(r.fieldIndex("date")), r.getAs("kwh"));
    }
    return kwh;
  }

  /** reference.csv rows of a data set: "device day" to kwh_trapezoid. */
  private static Map<String, Double> reference(String dataset) throws IOException {
    Map<String, Double> result = new TreeMap<>();
    List<String> lines = Files.readAllLines(REAL.resolve("reference.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[header.indexOf("dataset")].equals(dataset)) {
        result.put(
            f[header.indexOf("device_id")] + " " + f[header.indexOf("day")],
            Double.parseDouble(f[header.indexOf("kwh_trapezoid")]));
      }
    }
    return result;
  }

  private static final String TRACEBASE_CONFIG =
      """
      home: {name: tracebase, timezone: Europe/Berlin, currency: EUR}
      tariff: {flat: 0.30}
      appliances:
        - {device_id: dev_599393, name: Refrigerator, kind: fridge, noise_floor_w: 0, max_gap_s: 5}
        - {device_id: dev_B80E47, name: Kettle, kind: kettle, noise_floor_w: 0, max_gap_s: 5}
        - {device_id: dev_7296D7, name: PC, kind: computer, noise_floor_w: 0, max_gap_s: 5}
        - {device_id: dev_7297E3, name: Washer, kind: washing_machine, noise_floor_w: 0, max_gap_s: 5}
      """;

  @Test
  void tracebaseDaysWithinHalfAPercentOfTheReference() throws IOException {
    Map<String, Double> reference = reference("tracebase");
    assertThat(reference).hasSize(11);
    LocalDate from = LocalDate.of(2012, 1, 8);
    LocalDate to = LocalDate.of(2012, 1, 13);
    Map<String, Double> left = run(tracebase, TRACEBASE_CONFIG, from, to, IntegrationRule.LEFT);
    Map<String, Double> trap =
        run(tracebase, TRACEBASE_CONFIG, from, to, IntegrationRule.TRAPEZOID);
    for (Map.Entry<String, Double> e : reference.entrySet()) {
      double ref = e.getValue();
      figures.add(
          String.format(
              Locale.ROOT,
              "tracebase %s reference %.6f trapezoid %.6f (%+.3f %%) left %.6f (%+.3f %%)",
              e.getKey(),
              ref,
              trap.get(e.getKey()),
              100 * (trap.get(e.getKey()) / ref - 1),
              left.get(e.getKey()),
              100 * (left.get(e.getKey()) / ref - 1)));
      assertThat(Math.abs(trap.get(e.getKey()) / ref - 1)).as(e.getKey()).isLessThan(0.005);
      assertThat(Math.abs(left.get(e.getKey()) / ref - 1)).as(e.getKey()).isLessThan(0.005);
    }
  }

  private static final String AMPDS_CONFIG =
      """
      home: {name: AMPds2, timezone: America/Vancouver, currency: CAD}
      tariff: {flat: 0.10}
      appliances:
        - {device_id: B1E, name: North bedroom, kind: generic, noise_floor_w: 0, max_gap_s: 300}
      """;

  @Test
  void ampds2DaysMatchTheReferenceAndTheWeekMatchesTheMetersCounter() throws IOException {
    Map<String, Double> reference = reference("ampds2");
    assertThat(reference).hasSize(7);
    LocalDate from = LocalDate.of(2014, 2, 25);
    LocalDate to = LocalDate.of(2014, 3, 3);
    Map<String, Double> left = run(ampds, AMPDS_CONFIG, from, to, IntegrationRule.LEFT);
    Map<String, Double> trap = run(ampds, AMPDS_CONFIG, from, to, IntegrationRule.TRAPEZOID);
    double weekLeft = 0;
    double weekTrap = 0;
    for (Map.Entry<String, Double> e : reference.entrySet()) {
      double ref = e.getValue();
      figures.add(
          String.format(
              Locale.ROOT,
              "ampds2 %s reference %.6f trapezoid %.6f (%+.3f %%) left %.6f (%+.3f %%)",
              e.getKey(),
              ref,
              trap.get(e.getKey()),
              100 * (trap.get(e.getKey()) / ref - 1),
              left.get(e.getKey()),
              100 * (left.get(e.getKey()) / ref - 1)));
      assertThat(Math.abs(trap.get(e.getKey()) / ref - 1)).as(e.getKey()).isLessThan(0.005);
      weekLeft += left.get(e.getKey());
      weekTrap += trap.get(e.getKey());
    }
    double counter = counterKwh(from, to.plusDays(1), ZoneId.of("America/Vancouver"));
    figures.add(
        String.format(
            Locale.ROOT,
            "ampds2 week: counter %.3f kWh, left %.6f (%+.2f %%), trapezoid %.6f (%+.2f %%)",
            counter,
            weekLeft,
            100 * (weekLeft / counter - 1),
            weekTrap,
            100 * (weekTrap / counter - 1)));
    assertThat(Math.abs(weekLeft / counter - 1)).isLessThan(0.02);
    assertThat(Math.abs(weekTrap / counter - 1)).isLessThan(0.02);
  }

  /** The meter's own Pt counter (Wh) at local midnight of {@code to} minus at {@code from}. */
  private static double counterKwh(LocalDate from, LocalDate to, ZoneId zone) throws IOException {
    long start = from.atStartOfDay(zone).toEpochSecond();
    long end = to.atStartOfDay(zone).toEpochSecond();
    Map<Long, Long> pt = new HashMap<>();
    try (InputStream in =
        Files.newInputStream(REAL.resolve("ampds2/Electricity_B1E_2014-02-25_2014-03-03.csv"))) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<String> header = List.of(lines.get(0).split(","));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        pt.put(
            Long.parseLong(f[header.indexOf("unix_ts")].replace("+", "")),
            Long.parseLong(f[header.indexOf("Pt")]));
      }
    }
    return (pt.get(end) - pt.get(start)) / 1000.0;
  }
}
