package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.cli.CollectorMain;
import org.p2penergy.home.cli.Cli;
import org.p2penergy.home.config.ConfigLoader;
import picocli.CommandLine;

class CollectCommandTest {
  @TempDir Path dir;

  private CollectCommand parse(String... args) {
    CollectCommand c = new CollectCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    CollectSettings s = parse("--data", "d").settings(ConfigLoader.defaults());
    assertThat(s.streamUrl()).isEqualTo(URI.create("https://api.particle.io/v1/devices/events"));
    assertThat(s.store().fsyncInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.store().roll()).isEqualTo(Duration.ofHours(1));
    assertThat(s.store().readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.statusInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.tokenSource()).isEqualTo("env:PARTICLE_ACCESS_TOKEN");
  }

  @Test
  void configFileThenCommandLineWins() throws Exception {
    Path config = dir.resolve("p2penergy.yaml");
    Files.writeString(
        config,
        "particle:\n  token_file: /etc/p2penergy/token\n  event_prefix: power\n"
            + "  stream_url: http://127.0.0.1:9/v1/devices/events\n"
            + "collector:\n  fsync_interval: 5s\n  roll: 10m\n  read_timeout: 30s\n");
    CollectSettings fromFile = parse("--data", "d").settings(ConfigLoader.load(config));
    assertThat(fromFile.streamUrl())
        .isEqualTo(URI.create("http://127.0.0.1:9/v1/devices/events/power"));
    assertThat(fromFile.store().fsyncInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(fromFile.store().roll()).isEqualTo(Duration.ofMinutes(10));
    assertThat(fromFile.tokenSource()).isEqualTo("file:/etc/p2penergy/token");

    CollectSettings overridden =
        parse(
                "--data",
                "d",
                "--fsync-interval",
                "0",
                "--roll",
                "2h",
                "--read-timeout",
                "500ms",
                "--event-prefix",
                "rms",
                "--token-file",
                "/run/t",
                "--max-rows-per-file",
                "7")
            .settings(ConfigLoader.load(config));
    assertThat(overridden.store().fsyncInterval()).isZero();
    assertThat(overridden.store().roll()).isEqualTo(Duration.ofHours(2));
    assertThat(overridden.store().readTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(overridden.store().maxRowsPerFile()).isEqualTo(7);
    assertThat(overridden.streamUrl())
        .isEqualTo(URI.create("http://127.0.0.1:9/v1/devices/events/rms"));
    assertThat(overridden.tokenSource()).isEqualTo("file:/run/t");
  }

  @Test
  void badOptionsAreOneLineExitTwo() {
    for (String[] args :
        new String[][] {
          {"collect", "--data", "d", "--roll", "soon"},
          {"collect", "--data", "d", "--read-timeout", "0"},
          {"collect", "--data", "d", "--max-rows-per-file", "0"},
          {"collect", "--data", "d", "--config", dir.resolve("missing.yaml").toString()},
          {"collect"},
        }) {
      StringWriter err = new StringWriter();
      CommandLine cli = Cli.commandLine(new CollectorMain());
      cli.setErr(new PrintWriter(err));
      assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString().strip().lines().count()).as(err.toString()).isLessThanOrEqualTo(2);
      assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void helpNamesEveryOptionWithItsDefault() {
    String help = new CommandLine(new CollectCommand()).setUsageHelpWidth(300).getUsageMessage();
    assertThat(help)
        .contains("--data=DIR", "--config=FILE", "--stream=URL", "--event-prefix=PREFIX")
        .contains("--token-file=FILE", "--fsync-interval=DURATION", "--roll=DURATION")
        .contains("--max-rows-per-file=N", "--read-timeout=DURATION")
        .contains("default: 1s; 0 = after every event", "default: 1h", "default: 60s")
        .contains("https://api.particle.io/v1/devices/events")
        .doesNotContain("--trace-sync");
  }
}
