package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;

/** The community options of {@code simulate}: help, one-line mistakes, a --generate run. */
class CommunityOptionsTest {
  @Test
  void helpGroupsTheCommunityOptions() {
    CommandRun.Result help = CommandRun.run(new SimulateCommand(), "--help");
    assertThat(help.code()).isZero();
    String community =
        help.out().substring(help.out().indexOf("Community: many homes on one product stream"));
    assertThat(community)
        .contains("--homes=N", "--product=ID", "--write-community=DIR", "--generate=DIR")
        .contains("--days=D", "--threads=N", "expected.csv", "(default: 20115)");
    // the group comes after the other options, under its heading
    assertThat(help.out().indexOf("      --status-every=D"))
        .isLessThan(help.out().indexOf("Community: many homes"));
    assertThat(help.out().indexOf("      --homes=N"))
        .isGreaterThan(help.out().indexOf("Community: many"));
  }

  @Test
  void mistakesAreOneLineAndExitTwo(@TempDir Path dir) {
    String d = dir.toString();
    mistake("simulate: --write-community and --generate need --homes N", "--write-community", d);
    mistake("simulate: --product needs --homes N", "--product", "7");
    mistake("simulate: --homes must be 1..9999, got 0", "--homes", "0");
    mistake(
        "simulate: give --homes or --replay, not both", "--homes", "2", "--replay", d + "/t.csv");
    String noDate =
        "simulate: --generate needs --start DATE (2026-11-23): days start at midnight in each"
            + " home's zone";
    mistake(noDate, "--homes", "2", "--generate", d);
    mistake(noDate, "--homes", "2", "--generate", d, "--start", "2026-11-27T05:00:00Z");
    mistake("simulate: --days and --threads go with --generate", "--homes", "2", "--days", "2");
    mistake(
        "simulate: --generate writes the community files into its own DIR; leave out"
            + " --write-community",
        "--homes",
        "2",
        "--generate",
        d,
        "--write-community",
        d,
        "--start",
        "2026-11-23");
    mistake(
        "simulate: --days must be 1..3660, got 0",
        "--homes",
        "2",
        "--generate",
        d,
        "--start",
        "2026-11-23",
        "--days",
        "0");
  }

  static void mistake(String line, String... args) {
    CommandRun.Result run = CommandRun.run(new SimulateCommand(), args);
    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(line);
  }

  @Test
  void generateWritesOneHomesDayAndRefusesToWriteOverIt(@TempDir Path dir) throws Exception {
    SimulateCommand command = new SimulateCommand();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    String[] args = {
      "--homes",
      "1",
      "--seed",
      "3",
      "--generate",
      dir.toString(),
      "--start",
      "2026-11-23",
      "--threads",
      "1"
    };
    CommandRun.Result run = CommandRun.run(command, args);
    assertThat(run.code()).as(run.all()).isZero();
    // home-001 is in New York: its day 2026-11-23 touches two UTC dates, one file each
    long devices = SimulatedCommunity.of(3, 1).deviceIds("home-001").size();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "simulate: generated " + devices * 86_400 + " readings of 1 homes x 1 days in 2 files")
        .contains("bytes/reading", "readings/s");
    assertThat(dir.resolve("community.yaml")).exists();
    assertThat(dir.resolve("homes/home-001.yaml")).exists();
    assertThat(Files.readAllLines(dir.resolve("expected.csv"))).hasSize(1 + (int) devices);
    CommandRun.Result again = CommandRun.run(new SimulateCommand(), args);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("holds readings already");
  }
}
