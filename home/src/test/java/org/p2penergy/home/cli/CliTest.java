package org.p2penergy.home.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliTest {
  @Command(name = "probe")
  static class Probe implements Callable<Integer> {
    @Option(names = "--fail")
    String fail;

    @Override
    public Integer call() {
      if ("user".equals(fail)) throw new UserException("no such file: /x");
      if ("bug".equals(fail)) throw new IllegalStateException("boom");
      return 0;
    }
  }

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Cli.commandLine(new Probe());
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aUserMistakeIsOneLineAndExitTwo() {
    assertThat(run("--fail", "user")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("probe: no such file: /x" + System.lineSeparator());
  }

  @Test
  void anUnknownOptionIsExitTwoWithAHint() {
    assertThat(run("--nope")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--nope'").contains("probe --help");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void aBugIsExitOneWithoutAStackTrace() {
    assertThat(run("--fail", "bug")).isEqualTo(1);
    assertThat(err.toString())
        .contains("unexpected error")
        .contains("boom")
        .doesNotContain("\tat ");
  }

  @Test
  void successIsZero() {
    assertThat(run()).isZero();
    assertThat(err.toString()).isEmpty();
  }
}
