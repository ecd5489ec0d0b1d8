package org.p2penergy.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@code bin/p2penergy} as a user would, against the jars this build just packaged. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "p2penergy").toAbsolutePath();

  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The reactor has just built the jars; the launcher must not start a nested Maven build.
    builder.environment().put("P2PENERGY_NO_BUILD", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stdout, stderr);
  }

  @Test
  void helpListsEveryCommandOfTheDesign() throws Exception {
    Result result = run("--help");
    assertThat(result.exitCode()).isZero();
    for (String command :
        List.of(
            "collect",
            "simulate",
            "import",
            "upload",
            "analyze",
            "sql",
            "report",
            "email",
            "nightly",
            "demo")) {
      assertThat(result.stdout()).containsPattern("(?m)^  " + command + " ");
    }
  }

  @Test
  void anUnknownCommandIsOneLineAndExitTwo() throws Exception {
    Result result = run("collcet");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip())
        .isEqualTo("p2penergy: unknown command 'collcet' (see 'p2penergy --help')");
  }

  @Test
  void anUnknownOptionIsAUserMistakeNotAStackTrace() throws Exception {
    Result result = run("simulate", "--no-such-option");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("Unknown option: '--no-such-option'")
        .doesNotContain("\tat ");
  }

  @Test
  void eachCollectorCommandHasHelp() throws Exception {
    for (String command : List.of("collect", "simulate", "import", "upload")) {
      Result result = run(command, "--help");
      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.stdout()).as(command).contains("Usage: p2penergy " + command);
    }
  }
}
