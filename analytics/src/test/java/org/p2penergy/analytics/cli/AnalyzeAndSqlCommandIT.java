package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.DemoDayFiles;
import org.p2penergy.home.cli.Cli;
import picocli.CommandLine;

/** The two commands in-process, as a user runs them: analyze a day, then query what it wrote. */
class AnalyzeAndSqlCommandIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Cli.commandLine(new AnalyticsMain());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void analyzeShowsProgressThenSqlPrintsATable() throws Exception {
    Path data = dir.resolve("data");
    DemoDayFiles.write(data);
    Path config = dir.resolve("p2penergy.yaml");
    Files.writeString(config, DemoDayFiles.CONFIG);

    Run analyze =
        run(
            "analyze",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--date",
            "2026-11-27");
    assertThat(analyze.code()).as(analyze.err()).isZero();
    assertThat(analyze.err())
        .contains(
            "analyze: [1/5]",
            "analyze: [2/5]",
            "analyze: [3/5]",
            "analyze: [4/5]",
            "analyze: [5/5]")
        .contains("analyze: done in");
    assertThat(analyze.out().strip()).endsWith("reports/home/2026-11-27/summary.json");
    assertThat(data.resolve("reports/home/2026-11-27/summary.json")).isRegularFile();

    Run sql =
        run(
            "sql",
            "--data",
            data.toString(),
            "SELECT appliance, cycles, readings FROM daily ORDER BY appliance");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.err()).contains("views readings, daily, hourly, states, anomalies");
    // Fridge: one compressor run, 2880 half-minute readings minus the 39 of the gap (DemoDay).
    assertThat(sql.out().lines().toList())
        .containsExactly(
            "appliance | cycles | readings",
            "----------+--------+---------",
            "Fridge    | 1      | 2841",
            "Microwave | 1      | 61",
            "cafe01    | 1      | 2",
            "(3 rows)");

    Run bad = run("sql", "--data", data.toString(), "SELECT nope FROM daily");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines().filter(l -> l.startsWith("sql: ")).count())
        .as(bad.err())
        .isEqualTo(2);
    assertThat(bad.err()).contains("nope").doesNotContain("\tat ");
  }
}
