package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.cli.Cli;
import picocli.CommandLine;

/** Option mistakes are one line and exit 2, found before anything listens. */
class SimulateCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Cli.commandLine(new SimulateCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void helpExplainsEveryOptionWithItsDefault() {
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    for (String option :
        new String[] {
          "--port",
          "--bind",
          "--token",
          "--speed",
          "--start",
          "--duration",
          "--seed",
          "--hold-clock",
          "--events",
          "--zone",
          "--replay",
          "--replay-device",
          "--replay-zone",
          "--fault",
          "--sent-log",
          "--keep-alive",
          "--status-every"
        }) {
      assertThat(help.out()).contains(option);
    }
    assertThat(help.out())
        .contains("default: 0")
        .contains("default: 127.0.0.1")
        .contains("PARTICLE_ACCESS_TOKEN")
        .contains("default: America/New_York")
        .contains("drop@30s,every=60s");
  }

  @Test
  void mistakesAreOneLineAndExitTwo() {
    assertMistake(run("--speed", "0"), "simulate: speed must be a positive number, got 0.0");
    assertMistake(
        run("--start", "yesterday"),
        "simulate: --start: 'yesterday' is not an instant (2026-11-27T05:00:00Z) or a date (2026-11-27)");
    assertMistake(
        run("--duration", "2 days"),
        "simulate: --duration: '2 days' is not a duration (write it like 500ms, 5s, 2m, 1h or 1d)");
    assertMistake(
        run("--fault", "boom@1s"),
        "simulate: --fault: unknown fault 'boom', expected drop, stall, 500, 503, 429, malformed or oversized");
    assertMistake(
        run("--replay", "/no/such/trace.csv"),
        "simulate: replay file not found: /no/such/trace.csv");
    assertMistake(
        run("--zone", "Mars/Olympus"), "simulate: --zone: unknown time zone 'Mars/Olympus'");
    assertMistake(
        run("--events", "power,volts"),
        "simulate: --events: unknown event 'volts', expected power, rms_current or rms_voltage");
    assertMistake(run("--port", "70000"), "simulate: port must be 0..65535, got 70000");
  }

  static void assertMistake(Run run, String line) {
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(line);
  }

  @Test
  void aDateStartsAtMidnightInTheHomeZone() {
    assertThat(SimulateCommand.instant("2026-11-27", java.time.ZoneId.of("America/New_York")))
        .isEqualTo(java.time.Instant.parse("2026-11-27T05:00:00Z"));
    assertThat(SimulateCommand.instant("2026-11-27T05:00:00Z", java.time.ZoneId.of("UTC")))
        .isEqualTo(java.time.Instant.parse("2026-11-27T05:00:00Z"));
  }
}
