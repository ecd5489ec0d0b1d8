package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * A data folder written by the release before homes had ids ({@code readings/date=D/}, {@code
 * analytics/<table>/date=D/}, {@code outages/D.jsonl}; src/test/resources/legacy-layout/README.md)
 * is analysed as the config's home, with the figures worked out by hand and the ones the old
 * release wrote.
 */
class LegacyLayoutIT {
  private static final Path FIXTURE = Path.of("src/test/resources/legacy-layout");

  @TempDir Path dir;

  @Test
  void aFolderInTheOlderLayoutIsAnalysedAsTheConfigsHome() throws Exception {
    Path data = dir.resolve("data");
    copy(FIXTURE.resolve("data"), data);
    Path config = FIXTURE.resolve("p2penergy.yaml");

    CommandRun.Result analyze =
        CommandRun.run(
            new AnalyticsMain(),
            "analyze",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--date",
            "2026-11-24");
    assertThat(analyze.code()).as(analyze.err()).isZero();

    DaySummary now = read(data.resolve("reports/home/2026-11-24/summary.json"));
    DaySummary before = read(data.resolve("reports/2026-11-24/summary.json"));
    Map<String, DaySummary.Appliance> apps = byName(now);
    // By hand: 100 W for 24 h; 1200 W for 30 min; $0.15 a kWh.
    assertThat(apps.get("Fridge").kwh()).isCloseTo(2.4, within(1e-9));
    assertThat(apps.get("Fridge").cost()).isCloseTo(0.36, within(1e-9));
    assertThat(apps.get("Microwave").kwh()).isCloseTo(0.6, within(1e-9));
    assertThat(now.home().id()).isEqualTo("home");
    // The figures the old release wrote for the same files.
    byName(before)
        .forEach(
            (name, old) -> {
              DaySummary.Appliance a = apps.get(name);
              assertThat(a.kwh()).as(name).isCloseTo(old.kwh(), within(1e-12));
              assertThat(a.cost()).as(name).isCloseTo(old.cost(), within(1e-12));
              assertThat(a.coverage()).as(name).isEqualTo(old.coverage());
              assertThat(a.readings()).as(name).isEqualTo(old.readings());
              assertThat(a.standbyW()).as(name).isEqualTo(old.standbyW());
            });
    // The outage in the older outages/ folder is the home's.
    assertThat(now.dataQuality().outages())
        .singleElement()
        .satisfies(o -> assertThat(o.reason()).isEqualTo("read timeout"));
    // The old analytics partitions now live under the home, so every table has one layout.
    assertThat(data.resolve("analytics/daily/home=home/date=2026-11-24")).isDirectory();
    assertThat(data.resolve("analytics/daily/date=2026-11-24")).doesNotExist();

    CommandRun.Result sql =
        CommandRun.run(
            new AnalyticsMain(),
            "sql",
            "--data",
            data.toString(),
            "SELECT count(*) AS n FROM readings WHERE date = DATE'2026-11-24'");
    assertThat(sql.code()).as(sql.err()).isZero();
    // A reading a minute from 05:00Z: 19 hours (1140 readings) of each device on that UTC date.
    assertThat(sql.out()).contains("2280");
  }

  private static Map<String, DaySummary.Appliance> byName(DaySummary s) {
    return s.appliances().stream()
        .collect(Collectors.toMap(DaySummary.Appliance::name, Function.identity()));
  }

  private static DaySummary read(Path file) throws IOException {
    return SummaryJson.read(Files.readString(file));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
