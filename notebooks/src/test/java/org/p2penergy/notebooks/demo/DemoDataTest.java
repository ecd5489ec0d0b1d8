package org.p2penergy.notebooks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

class DemoDataTest {

  @TempDir Path data;

  @Test
  void writesTheCollectorLayoutWithThePlantedFaults() throws Exception {
    DemoManifest m = DemoData.generate(data, LocalDate.of(2026, 11, 1), 10);
    // 10 local days in New York span 11 UTC dates; the first outage (day 9) falls inside. All of
    // it is the demo home's (home.id "home"), in the per-home layout.
    DataLayout home = DataLayout.of(Home.DEFAULT_ID);
    try (var files = Files.list(data.resolve(home.readings()))) {
      assertThat(files.count()).isEqualTo(11);
    }
    assertThat(m.faults().outages()).hasSize(1);
    assertThat(Files.readAllLines(data.resolve(home.outages()).resolve("2026-11-09.jsonl")))
        .containsExactly(
            "{\"start\":\"2026-11-09T08:00:00Z\",\"end\":\"2026-11-09T08:25:00Z\",\"reason\":\"read timeout\"}");
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*), count(DISTINCT (device_id, event, ts)),"
                    + " min(typeof(ts)), count(*) FILTER (WHERE ts >= TIMESTAMPTZ '2026-11-09 08:00:00+00'"
                    + " AND ts < TIMESTAMPTZ '2026-11-09 08:25:00+00') FROM read_parquet('"
                    + data.resolve(home.readings())
                    + "/*/*.parquet')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(m.readings());
      // One minute before the outage written twice: 15 readings x (fridge power + current,
      // microwave, Pi).
      assertThat(rs.getLong(1) - rs.getLong(2)).isEqualTo(m.duplicates()).isEqualTo(60);
      assertThat(rs.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      assertThat(rs.getLong(4)).as("readings during the outage").isZero();
    }
  }

  @Test
  void plansAreRepeatableAndInsideTheDay() {
    LocalDate day = LocalDate.of(2026, 11, 28);
    DayPlan a = new DayPlanner(7).plan(day);
    assertThat(new DayPlanner(7).plan(day)).isEqualTo(a);
    List<Episode> runs = a.compressorRuns();
    assertThat(runs).hasSizeBetween(15, 40);
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).start()).isAfter(runs.get(i - 1).end());
    }
    assertThat(runs.get(runs.size() - 1).end())
        .isBefore(day.plusDays(1).atStartOfDay(DemoHome.ZONE).toInstant());
    assertThat(a.sessions()).allMatch(s -> s.watts() >= 700 && s.watts() <= 2000);
  }
}
