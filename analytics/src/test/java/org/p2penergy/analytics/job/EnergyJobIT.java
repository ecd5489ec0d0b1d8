package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/** The whole job on the hand-made {@link DemoDay}; every expected figure is worked out by hand. */
class EnergyJobIT {
  private static final double WS = 3.6e6;
  private static SparkSession spark;
  private static final List<String> progress = new ArrayList<>();

  @TempDir static Path data;

  @BeforeAll
  static void start() throws IOException {
    spark = TestSpark.start("EnergyJobIT");
    ReadingsFiles.write(spark, data, DemoDay.readings());
    run(data);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static EnergyJob.Outcome run(Path dir) throws IOException {
    return run(dir, DemoDay.DATE, DemoDay.DATE);
  }

  static EnergyJob.Outcome run(Path dir, LocalDate from, LocalDate to) throws IOException {
    HomeConfig config = ConfigLoader.parse(DemoDay.CONFIG);
    EnergyJob job =
        new EnergyJob(
            spark,
            Clock.fixed(Instant.parse("2026-11-28T07:00:00Z"), ZoneOffset.UTC),
            progress::add);
    return job.run(
        AnalyzeRequest.ofHome(
            dir.toString(), config, DemoDay.CONFIG, from, to, IntegrationRule.LEFT, 10));
  }

  private static Map<String, Row> daily(Path dir) {
    Map<String, Row> byDevice = new HashMap<>();
    for (Row r : spark.read().parquet(dir.resolve("analytics/daily").toString()).collectAsList()) {
      byDevice.put(r.getAs("device_id"), r);
    }
    return byDevice;
  }

  @Test
  void fridgeDayIsChargedByTheLeftRuleWithoutTheGap() {
    Row fridge = daily(data).get(DemoDay.FRIDGE);
    // 20 W all day, +15 W for 180 s (door), +820 W for 30 s (surge), +140 W for 1770 s (cooling),
    // minus the 1200 s gap at 20 W.
    double ws = 86_400 * 20 + 15 * 180 + 820 * 30 + 140 * 1770 - 20 * 1200;
    assertThat((double) fridge.getAs("kwh")).isCloseTo(ws / WS, within(1e-9));
    assertThat((double) fridge.getAs("cost")).isCloseTo(ws / WS * 0.15, within(1e-9));
    assertThat((double) fridge.getAs("coverage")).isCloseTo(85_200 / 86_400.0, within(1e-12));
    assertThat((int) fridge.getAs("gaps")).isEqualTo(1);
    assertThat((long) fridge.getAs("readings")).isEqualTo(2880 - 39);
    assertThat((long) fridge.getAs("duplicates")).isEqualTo(1);
    assertThat((double) fridge.getAs("peak_w")).isEqualTo(840);
    assertThat((double) fridge.getAs("mean_w")).isCloseTo(ws / 85_200, within(1e-9));
    assertThat((double) fridge.getAs("standby_w")).isEqualTo(20);
    assertThat((double) fridge.getAs("standby_kwh")).isCloseTo(20 * 85_200 / WS, within(1e-12));
    assertThat((double) fridge.getAs("on_seconds")).isEqualTo(1800);
    assertThat((int) fridge.getAs("cycles")).isEqualTo(1);
    assertThat((String) fridge.getAs("appliance")).isEqualTo("Fridge");
  }

  @Test
  void microwaveAndUnlistedDevice() {
    Map<String, Row> daily = daily(data);
    Row microwave = daily.get(DemoDay.MICROWAVE);
    assertThat((double) microwave.getAs("kwh")).isCloseTo(1200 * 180 / WS, within(1e-12));
    assertThat((double) microwave.getAs("coverage")).isCloseTo(600 / 86_400.0, within(1e-12));
    assertThat((int) microwave.getAs("gaps")).isEqualTo(2);
    assertThat((int) microwave.getAs("cycles")).isEqualTo(1);
    assertThat((double) microwave.getAs("standby_w")).isZero();
    Row unlisted = daily.get(DemoDay.UNLISTED);
    assertThat((String) unlisted.getAs("appliance")).isEqualTo(DemoDay.UNLISTED);
    assertThat((String) unlisted.getAs("kind")).isEqualTo("generic");
    assertThat((double) unlisted.getAs("kwh")).isCloseTo(100 * 30 / WS, within(1e-12));
    assertThat(daily).hasSize(3);
  }

  @Test
  void hourlyRowsSplitAtLocalHours() {
    Map<Integer, Double> fridge = new HashMap<>();
    List<Row> rows =
        spark
            .read()
            .parquet(data.resolve("analytics/hourly").toString())
            .where("device_id = '" + DemoDay.FRIDGE + "'")
            .collectAsList();
    rows.forEach(r -> fridge.put(r.getAs("hour"), r.getAs("kwh")));
    assertThat(rows).hasSize(24);
    assertThat(fridge.get(0)).isCloseTo(20 * 3600 / WS, within(1e-12));
    assertThat(fridge.get(8)).isCloseTo((20 * 3600 + 15 * 180) / WS, within(1e-12));
    assertThat(fridge.get(12)).isCloseTo((20 * 1800 + 840 * 30 + 160 * 1770) / WS, within(1e-12));
    assertThat(fridge.get(18)).isCloseTo(20 * 2400 / WS, within(1e-12));
  }

  @Test
  void statesAndEntries() {
    Map<String, Row> states = new HashMap<>();
    spark
        .read()
        .parquet(data.resolve("analytics/states").toString())
        .where("device_id = '" + DemoDay.FRIDGE + "'")
        .collectAsList()
        .forEach(r -> states.put(r.getAs("state"), r));
    assertThat((double) states.get("door_open").getAs("seconds")).isEqualTo(180);
    assertThat((int) states.get("door_open").getAs("entries")).isEqualTo(1);
    assertThat((double) states.get("start_surge").getAs("seconds")).isEqualTo(30);
    assertThat((double) states.get("cooling").getAs("seconds")).isEqualTo(1770);
    assertThat((int) states.get("cooling").getAs("entries")).isEqualTo(1);
    // idle: the rest of the covered day; entered after the door, after the run, after the gap.
    assertThat((double) states.get("idle").getAs("seconds")).isEqualTo(85_200 - 180 - 30 - 1770);
    assertThat((int) states.get("idle").getAs("entries")).isEqualTo(3);
    assertThat((double) states.get("cooling").getAs("kwh"))
        .isCloseTo(160 * 1770 / WS, within(1e-12));
  }

  @Test
  void anomaliesAreTheDoorAndTheGaps() {
    List<Row> rows =
        spark
            .read()
            .parquet(data.resolve("analytics/anomalies").toString())
            .orderBy("start", "device_id")
            .collectAsList();
    List<String> kinds = rows.stream().map(r -> r.<String>getAs("kind")).toList();
    // microwave: no data 00:00-17:00 and 17:10-24:00; cafe01: none 00:00-10:00 and 10:00:30-24:00;
    // fridge: door 08:00-08:03, gap 18:00-18:20.
    assertThat(kinds)
        .containsExactly(
            "data_gap", "data_gap", "door_left_open", "data_gap", "data_gap", "data_gap");
    assertThat(rows.get(0).<String>getAs("device_id")).isEqualTo(DemoDay.MICROWAVE);
    assertThat(rows.get(0).<Instant>getAs("end")).isEqualTo(DemoDay.at("17:00:00"));
    Row door = rows.get(2);
    assertThat((Instant) door.getAs("start")).isEqualTo(DemoDay.at("08:00:00"));
    assertThat((Instant) door.getAs("end")).isEqualTo(DemoDay.at("08:03:00"));
    assertThat((String) door.getAs("detail")).isEqualTo("door open 3 min (threshold 2 min)");
    Row gap = rows.get(5);
    assertThat((String) gap.getAs("device_id")).isEqualTo(DemoDay.FRIDGE);
    assertThat((Instant) gap.getAs("start")).isEqualTo(DemoDay.at("18:00:00"));
    assertThat((Instant) gap.getAs("end")).isEqualTo(DemoDay.at("18:20:00"));
  }

  @Test
  void summaryJsonFollowsTheContract() throws IOException {
    JsonNode s =
        new ObjectMapper().readTree(data.resolve("reports/home/2026-11-27/summary.json").toFile());
    assertThat(s.path("schema_version").asInt()).isEqualTo(1);
    assertThat(s.path("date").asText()).isEqualTo("2026-11-27");
    assertThat(s.path("generated_at").asText()).isEqualTo("2026-11-28T07:00:00Z");
    assertThat(s.path("home").path("timezone").asText()).isEqualTo("America/New_York");
    assertThat(s.path("day").path("start").asText()).isEqualTo("2026-11-27T00:00:00-05:00");
    assertThat(s.path("day").path("end").asText()).isEqualTo("2026-11-28T00:00:00-05:00");
    assertThat(s.path("day").path("hours").asInt()).isEqualTo(24);
    double fridgeWs = 86_400 * 20 + 15 * 180 + 820 * 30 + 140 * 1770 - 20 * 1200;
    assertThat(s.path("totals").path("kwh").asDouble())
        .isCloseTo((fridgeWs + 1200 * 180 + 100 * 30) / WS, within(1e-9));
    assertThat(s.path("appliances")).hasSize(3);
    assertThat(s.path("hourly")).hasSize(3 * 24);
    JsonNode curve = curveOf(s, DemoDay.FRIDGE);
    assertThat(curve).hasSize(1440);
    assertThat(curve.get(0).asDouble()).isEqualTo(20);
    assertThat(curve.get(12 * 60).asDouble()).isEqualTo((840 * 30 + 160 * 30) / 60.0);
    assertThat(curve.get(18 * 60 + 5).isNull()).isTrue();
    assertThat(curveOf(s, DemoDay.MICROWAVE).get(17 * 60 + 2).asDouble()).isEqualTo(1200);
    List<String> timeline = new ArrayList<>();
    s.path("state_timeline")
        .forEach(
            e ->
                timeline.add(
                    e.path("state").asText()
                        + " "
                        + e.path("start").asText()
                        + " "
                        + e.path("end").asText()
                        + " "
                        + e.path("detail").asText()));
    assertThat(timeline)
        .containsExactly(
            "door_open 2026-11-27T08:00:00-05:00 2026-11-27T08:03:00-05:00 ",
            "on 2026-11-27T10:00:00-05:00 2026-11-27T10:00:30-05:00 ",
            "start_surge 2026-11-27T12:00:00-05:00 2026-11-27T12:00:30-05:00 ",
            "cooling 2026-11-27T12:00:30-05:00 2026-11-27T12:30:00-05:00 ",
            "level_6 2026-11-27T17:02:00-05:00 2026-11-27T17:05:00-05:00 level 6");
    assertThat(s.path("anomalies")).hasSize(6);
    assertThat(s.path("history")).hasSize(3);
    JsonNode quality = s.path("data_quality");
    assertThat(quality.path("duplicates").asInt()).isEqualTo(1);
    assertThat(quality.path("unreadable_files")).isEmpty();
    assertThat(quality.path("outages")).isEmpty();
  }

  private static JsonNode curveOf(JsonNode summary, String device) {
    for (JsonNode c : summary.path("power_curve")) {
      if (c.path("device_id").asText().equals(device)) {
        assertThat(c.path("step_s").asInt()).isEqualTo(60);
        return c.path("mean_w");
      }
    }
    throw new AssertionError("no curve for " + device);
  }

  @Test
  void readingsWrittenOutOfOrderGiveTheSameFigures(@TempDir Path shuffled) throws IOException {
    // Files are written in time order; one written in any order (a backfill, another tool) must
    // give the same day: the same hand-worked kWh, the same duplicate (a repeated reading with a
    // different value counts once, at the smaller value), the same readings.
    List<Reading> readings = new ArrayList<>(DemoDay.readings());
    java.util.Collections.shuffle(readings, new java.util.Random(7));
    ReadingsFiles.writeInGivenOrder(shuffled, readings);
    run(shuffled);
    Row fridge = daily(shuffled).get(DemoDay.FRIDGE);
    double ws = 86_400 * 20 + 15 * 180 + 820 * 30 + 140 * 1770 - 20 * 1200;
    assertThat((double) fridge.getAs("kwh")).isCloseTo(ws / WS, within(1e-9));
    assertThat((long) fridge.getAs("readings")).isEqualTo(2880 - 39);
    assertThat((long) fridge.getAs("duplicates")).isEqualTo(1);
    assertThat((double) fridge.getAs("peak_w")).isEqualTo(840);
    assertThat((int) fridge.getAs("cycles")).isEqualTo(1);
    assertThat(daily(shuffled)).hasSize(3);
  }

  @Test
  void reRunningADateReplacesItsOutputs() throws IOException {
    run(data);
    assertThat(spark.read().parquet(data.resolve("analytics/daily").toString()).count())
        .isEqualTo(3);
    assertThat(spark.read().parquet(data.resolve("analytics/hourly").toString()).count())
        .isEqualTo(3 * 24);
    assertThat(spark.read().parquet(data.resolve("analytics/anomalies").toString()).count())
        .isEqualTo(6);
    assertThat(progress).anyMatch(line -> line.startsWith("[5/5]"));
  }

  @Test
  void anUnreadableFileIsNamedAndTheRestIsProcessed(@TempDir Path copy) throws IOException {
    copyTree(data.resolve("readings"), copy.resolve("readings"));
    // The UTC partition 2026-11-28 holds the fridge's local 19:00-24:00: cut its file in half.
    Path late;
    try (Stream<Path> files = Files.list(copy.resolve("readings/home=home/date=2026-11-28"))) {
      late = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(late.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Path garbage = copy.resolve("readings/home=home/date=2026-11-27/part-garbage.parquet");
    Files.writeString(garbage, "this is not parquet at all");
    EnergyJob.Outcome outcome = run(copy);
    assertThat(outcome.unreadable()).hasSize(2);
    Row fridge = daily(copy).get(DemoDay.FRIDGE);
    // Covered from 00:00 until the last readable reading at 18:59:30, minus the 20-minute gap.
    assertThat((double) fridge.getAs("coverage"))
        .isCloseTo((19 * 3600 - 30 - 1200) / 86_400.0, within(1e-12));
    assertThat((double) daily(copy).get(DemoDay.MICROWAVE).getAs("kwh"))
        .isCloseTo(1200 * 180 / WS, within(1e-12));
    JsonNode s =
        new ObjectMapper().readTree(copy.resolve("reports/home/2026-11-27/summary.json").toFile());
    List<String> named = new ArrayList<>();
    s.path("data_quality").path("unreadable_files").forEach(n -> named.add(n.asText()));
    assertThat(named).hasSize(2);
    assertThat(named).anyMatch(n -> n.endsWith("part-garbage.parquet"));
    assertThat(named).anyMatch(n -> n.endsWith(late.getFileName().toString()));
    assertThat(progress).anyMatch(line -> line.contains("part-garbage.parquet"));
  }

  @Test
  void outagesAndQuarantineGoToDataQualityAndAnomalies(@TempDir Path copy) throws IOException {
    copyTree(data.resolve("readings"), copy.resolve("readings"));
    Files.createDirectories(copy.resolve("outages/home=home"));
    Files.createDirectories(copy.resolve("quarantine/home=home"));
    // 03:00-03:04:10 local on the day; another outage two days before is not this day's.
    Files.writeString(
        copy.resolve("outages/home=home/2026-11-27.jsonl"),
        "{\"start\":\"2026-11-27T08:00:00Z\",\"end\":\"2026-11-27T08:04:10Z\",\"reason\":\"read timeout\"}\n");
    Files.writeString(
        copy.resolve("outages/home=home/2026-11-25.jsonl"),
        "{\"start\":\"2026-11-25T10:00:00Z\",\"end\":\"2026-11-25T10:01:00Z\",\"reason\":\"x\"}\n");
    // Three events received that local day, one the evening before (04:00Z = 23:00 local), and a
    // torn last line.
    Files.writeString(
        copy.resolve("quarantine/home=home/2026-11-27.jsonl"),
        String.join(
            "\n",
            "{\"received_at\":\"2026-11-27T04:00:00Z\",\"reason\":\"bad JSON\",\"event\":\"power\",\"raw\":\"{\"}",
            "{\"received_at\":\"2026-11-27T12:00:00Z\",\"reason\":\"bad JSON\",\"event\":\"power\",\"raw\":\"{\"}",
            "{\"received_at\":\"2026-11-27T13:00:00Z\",\"reason\":\"bad JSON\",\"event\":\"power\",\"raw\":\"{\"}",
            "{\"received_at\":\"2026-11-27T14:00:00Z\",\"reason\":\"missing coreid\",\"event\":\"power\",\"raw\":\"x\"}",
            "{\"received_at\":\"2026-11-27T15:0"));
    run(copy);
    JsonNode s =
        new ObjectMapper().readTree(copy.resolve("reports/home/2026-11-27/summary.json").toFile());
    JsonNode quality = s.path("data_quality");
    assertThat(quality.path("outages")).hasSize(1);
    assertThat(quality.path("outages").get(0).path("start").asText())
        .isEqualTo("2026-11-27T08:00:00Z");
    assertThat(quality.path("outages").get(0).path("reason").asText()).isEqualTo("read timeout");
    assertThat(quality.path("quarantined").asInt()).isEqualTo(3);
    assertThat(quality.path("quarantine_reasons").path("bad JSON").asInt()).isEqualTo(2);
    assertThat(quality.path("quarantine_reasons").path("missing coreid").asInt()).isEqualTo(1);
    List<String> collector = new ArrayList<>();
    s.path("anomalies")
        .forEach(
            a -> {
              if (a.path("appliance").asText().equals("collector")) {
                collector.add(
                    a.path("device_id").asText()
                        + "|"
                        + a.path("kind").asText()
                        + "|"
                        + a.path("start").asText()
                        + "|"
                        + a.path("detail").asText());
              }
            });
    assertThat(collector)
        .containsExactly(
            "|data_gap|2026-11-27T03:00:00-05:00|collector outage of 4.2 min: read timeout");
  }

  @Test
  void daylightSavingDaysHave23And25Hours(@TempDir Path dst) throws IOException {
    // An unlisted (generic) device at 15.5 W raw, 10 W after the floor, every 60 s (= max gap)
    // from before the spring-forward day to after the fall-back day, New York time.
    List<Reading> readings = new ArrayList<>();
    Instant end = Instant.parse("2026-11-02T05:01:00Z");
    for (Instant t = Instant.parse("2026-03-08T04:58:00Z");
        t.isBefore(end);
        t = t.plusSeconds(60)) {
      readings.add(new Reading("dst-dev", "power", t, t, 15.5));
    }
    ReadingsFiles.write(spark, dst, readings);
    LocalDate spring = LocalDate.of(2026, 3, 8);
    LocalDate fall = LocalDate.of(2026, 11, 1);
    run(dst, spring, spring);
    run(dst, fall, fall);
    Map<LocalDate, Double> kwh = new HashMap<>();
    spark
        .read()
        .parquet(dst.resolve("analytics/daily").toString())
        .collectAsList()
        .forEach(r -> kwh.put(r.getLocalDate(r.fieldIndex("date")), r.getAs("kwh")));
    assertThat(kwh.get(spring)).isCloseTo(10 * 23 / 1000.0, within(1e-12));
    assertThat(kwh.get(fall)).isCloseTo(10 * 25 / 1000.0, within(1e-12));
    List<Row> fallHours =
        spark
            .read()
            .parquet(dst.resolve("analytics/hourly").toString())
            .where("date = DATE'2026-11-01'")
            .orderBy("start")
            .collectAsList();
    assertThat(fallHours).hasSize(25);
    assertThat(fallHours.stream().map(r -> r.<Integer>getAs("hour")).toList())
        .startsWith(0, 1, 1, 2);
    fallHours.forEach(r -> assertThat(r.<Double>getAs("kwh")).isCloseTo(0.01, within(1e-12)));
    JsonNode s =
        new ObjectMapper().readTree(dst.resolve("reports/home/2026-11-01/summary.json").toFile());
    assertThat(s.path("day").path("hours").asInt()).isEqualTo(25);
    assertThat(s.path("day").path("start").asText()).isEqualTo("2026-11-01T00:00:00-04:00");
    assertThat(s.path("day").path("end").asText()).isEqualTo("2026-11-02T00:00:00-05:00");
    assertThat(s.path("power_curve").get(0).path("mean_w")).hasSize(1500);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
