package org.p2penergy.reports.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.p2penergy.home.cli.UserException;

/**
 * A {@code bin/p2penergy} command run as a child process (the collector and Spark each get their
 * own JVM, sized by the launcher), its output passed on line by line.
 */
final class ChildCommand implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Thread pump;

  private final Thread reaper;

  private ChildCommand(String name, Process process, Consumer<String> output) {
    this.name = name;
    this.process = process;
    // If this JVM is stopped (Ctrl-C, kill), do not leave the child streaming on its own.
    this.reaper = new Thread(process::destroy, name + "-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    this.pump =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output);
              } catch (IOException | UncheckedIOException e) {
                // the child ended
              }
            },
            name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** The launcher under {@code $P2PENERGY_HOME}. */
  static Path launcher(String home) {
    if (home == null || home.isBlank()) {
      throw new UserException("P2PENERGY_HOME is not set: run the demo as 'bin/p2penergy demo'");
    }
    Path launcher = Path.of(home, "bin", "p2penergy");
    if (!Files.isExecutable(launcher)) {
      throw new UserException(launcher + ": not found or not executable (check P2PENERGY_HOME)");
    }
    return launcher;
  }

  /** Starts {@code launcher command args...}; the jars are already built, so no build check. */
  static ChildCommand start(Path launcher, List<String> args, Consumer<String> output) {
    return start(launcher, args, Map.of(), output);
  }

  /** The same, with extra environment variables (a secret the child must not see in its args). */
  static ChildCommand start(
      Path launcher, List<String> args, Map<String, String> environment, Consumer<String> output) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("P2PENERGY_NO_BUILD", "1");
    builder.environment().putAll(environment);
    try {
      Process p = builder.start();
      p.getOutputStream().close();
      return new ChildCommand(args.get(0), p, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + launcher + " " + args.get(0), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the child to stop (SIGTERM: the collector flushes and rolls) and waits for its code. */
  int stop(Duration patience) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new IllegalStateException(name + " did not stop within " + patience.toSeconds() + " s");
    }
    pump.join(2000);
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing to remove
    }
  }
}
