package org.p2penergy.reports.nightly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.p2penergy.home.cli.UserException;

/**
 * Runs {@code p2penergy analyze} (or any command given with {@code --analyze-command}, such as
 * {@code bin/spark-submit ...}) as a child process with {@code --data}, the home's {@code --config}
 * or the community's {@code --community}, and {@code --date} (or {@code --from --to}) appended,
 * passing its output on line by line. If this JVM is stopped meanwhile (SIGTERM to nightly), the
 * child and everything it started are stopped too before this JVM ends: no analyze is left running
 * on its own (and the analyze's own lock on the data folder covers a kill -9 of nightly).
 */
public final class ChildProcessAnalyzer implements Analyzer {
  private final List<String> command;
  private final String data;
  private final List<String> source;
  private final Map<String, String> extraEnvironment;
  private final Consumer<String> output;

  public ChildProcessAnalyzer(
      List<String> command,
      String data,
      List<String> source,
      Map<String, String> extraEnvironment,
      Consumer<String> output) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty analyze command");
    }
    this.command = List.copyOf(command);
    this.data = data;
    this.source = List.copyOf(source);
    this.extraEnvironment = Map.copyOf(extraEnvironment);
    this.output = output;
  }

  /**
   * The command for the {@code --analyze-command} text (split at spaces), or {@code
   * $P2PENERGY_HOME/bin/p2penergy analyze} when none is given.
   */
  public static List<String> command(String analyzeCommand, Map<String, String> environment) {
    if (analyzeCommand != null && !analyzeCommand.isBlank()) {
      return Arrays.asList(analyzeCommand.strip().split("\\s+"));
    }
    String home = environment.get("P2PENERGY_HOME");
    if (home == null || home.isBlank()) {
      throw new UserException(
          "P2PENERGY_HOME is not set: run through bin/p2penergy or give --analyze-command");
    }
    Path launcher = Path.of(home, "bin", "p2penergy");
    if (!Files.isExecutable(launcher)) {
      throw new UserException(launcher + ": not found or not executable (check P2PENERGY_HOME)");
    }
    return List.of(launcher.toString(), "analyze");
  }

  @Override
  public void analyze(LocalDate from, LocalDate to) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--data", data));
    args.addAll(source);
    if (from.equals(to)) {
      args.addAll(List.of("--date", from.toString()));
    } else {
      args.addAll(List.of("--from", from.toString(), "--to", to.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    builder.environment().putAll(extraEnvironment);
    int exit;
    // The hook is in place before the child starts: a SIGTERM that comes as soon as the child has
    // started (it may already have written its first output) still stops it.
    StoppableChild child = new StoppableChild();
    Thread stopChild = new Thread(child::stop, "nightly-stop-analyze");
    try {
      Runtime.getRuntime().addShutdownHook(stopChild);
    } catch (IllegalStateException shuttingDown) {
      throw new AnalyzeException("stopping: analyze not started");
    }
    try {
      Process process = child.start(builder);
      process.getOutputStream().close();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(output);
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new AnalyzeException("cannot start " + args.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnalyzeException("interrupted while analyzing");
    } catch (UncheckedIOException e) {
      throw new AnalyzeException("lost the output of " + args.get(0) + ": " + e.getMessage());
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it stops the child
      }
    }
    if (exit != 0) {
      throw new AnalyzeException(
          "analyze failed (exit code "
              + exit
              + ") for "
              + range(from, to)
              + ": "
              + String.join(" ", args));
    }
  }

  /** The child of one analyze, started unless a stop came first; stopped at most once. */
  private static final class StoppableChild {
    private Process process;
    private boolean stopping;

    synchronized Process start(ProcessBuilder builder) throws IOException {
      if (stopping) {
        throw new AnalyzeException("stopping: analyze not started");
      }
      process = builder.start();
      return process;
    }

    /**
     * SIGTERM to the child and its descendants (spark-submit's JVM, a launcher's exec), then waits:
     * Spark stops its executors and writes nothing half. Forcibly after {@link #PATIENCE_S} s.
     */
    synchronized void stop() {
      stopping = true;
      if (process == null) {
        return;
      }
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + PATIENCE_S * 1_000_000_000L;
      for (ProcessHandle p : tree) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
          p.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (Exception notInTime) {
          p.destroyForcibly();
        }
      }
    }
  }

  static final long PATIENCE_S = 30;

  static String range(LocalDate from, LocalDate to) {
    return from.equals(to) ? from.toString() : from + " .. " + to;
  }
}
