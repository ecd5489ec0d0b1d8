package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.Cli;
import picocli.CommandLine;

/** User mistakes end as one line and exit code 2, before any Spark session starts. */
class AnalyzeCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cli = Cli.commandLine(new AnalyticsMain());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path config() throws IOException {
    Path file = dir.resolve("p2penergy.yaml");
    Files.writeString(file, "home: {name: Test, timezone: America/New_York}\n");
    return file;
  }

  @Test
  void aSecondAnalyzeOnTheSameFolderIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("readings"));
    Files.createDirectories(dir.resolve("state"));
    try (var ch =
            java.nio.channels.FileChannel.open(
                dir.resolve("state/analyze.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var held = ch.lock()) {
      Run r =
          run(
              "analyze",
              "--data",
              dir.toString(),
              "--config",
              config().toString(),
              "--date",
              "2026-11-27");
      assertThat(r.code()).isEqualTo(6);
      assertThat(r.err()).contains("another analyze is running on " + dir);
    }
  }

  @Test
  void helpNamesEveryOptionWithDefaults() {
    Run r = run("analyze", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("--data=DIR", "--config=FILE", "--date=D", "--from=D", "--to=D")
        .contains("--integration=RULE", "(default: left)")
        .contains("--standby-percentile=P", "default: 10");
  }

  @Test
  void aBadDateIsOneLine() throws IOException {
    Run r =
        run(
            "analyze",
            "--data",
            dir.toString(),
            "--config",
            config().toString(),
            "--date",
            "2026-13-01");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("'2026-13-01' is not a date like 2026-11-27")
        .doesNotContain("\tat ");
  }

  @Test
  void toBeforeFromIsRefused() throws IOException {
    Run r =
        run(
            "analyze",
            "--data",
            dir.toString(),
            "--config",
            config().toString(),
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-26");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("analyze: --to 2026-11-26 is before --from 2026-11-27");
  }

  @Test
  void dateAndRangeTogetherAreRefused() throws IOException {
    Run r =
        run(
            "analyze",
            "--data",
            dir.toString(),
            "--config",
            config().toString(),
            "--date",
            "2026-11-27",
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-28");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void aMissingDataDirectoryIsOneLine() throws IOException {
    Path missing = dir.resolve("nope");
    Run r =
        run(
            "analyze",
            "--data",
            missing.toString(),
            "--config",
            config().toString(),
            "--date",
            "2026-11-27");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("analyze: " + missing + ": no such data directory");
  }

  @Test
  void aDataDirectoryWithoutReadingsIsOneLine() throws IOException {
    Run r =
        run(
            "analyze",
            "--data",
            dir.toString(),
            "--config",
            config().toString(),
            "--date",
            "2026-11-27");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("analyze: " + dir + ": no readings/ folder in the data directory");
  }

  @Test
  void aMissingConfigIsOneLine() {
    Path missing = dir.resolve("missing.yaml");
    Run r =
        run(
            "analyze",
            "--data",
            dir.toString(),
            "--config",
            missing.toString(),
            "--date",
            "2026-11-27");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("analyze: " + missing + ": no such config file");
  }

  @Test
  void sqlNeedsAQueryAndAnExistingDirectory() {
    Run none = run("sql", "--data", dir.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Missing required parameter: 'QUERY'");
    Run missing = run("sql", "--data", dir.resolve("nope").toString(), "SELECT 1");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such data directory");
  }
}
