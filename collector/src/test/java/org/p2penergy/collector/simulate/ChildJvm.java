package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code p2penergy} command ({@code simulate}, {@code collect}) in a child JVM on the test
 * classpath, as the launcher runs it. Output goes to files, not pipes, so nothing printed while the
 * child shuts down is lost (the model: the collector tests' ChildCollector).
 */
final class ChildJvm implements AutoCloseable {
  final Process process;
  private final Path out;
  private final Path err;

  /**
   * @param jvm JVM flags (heap, GC)
   * @param args the command and its options
   */
  ChildJvm(Path logs, String name, List<String> jvm, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.p2penergy.collector.cli.CollectorMain"));
    cmd.addAll(args);
    Files.createDirectories(logs);
    out = logs.resolve(name + ".out");
    err = logs.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove(SimulateCommand.TOKEN_ENV);
    pb.environment().putAll(env);
    process = pb.start();
  }

  /** The first line of stdout that matches, waiting up to {@code limit}; null if none came. */
  String awaitLine(Predicate<String> match, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out()) {
        if (match.test(line)) return line;
      }
      if (!process.isAlive()) return null;
      Thread.sleep(20);
    }
    return null;
  }

  int waitFor(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("no exit within " + limit + "\n" + transcript());
    }
    return process.exitValue();
  }

  List<String> out() {
    return read(out);
  }

  String transcript() {
    return "--- stdout ---\n"
        + String.join("\n", out())
        + "\n--- stderr ---\n"
        + String.join("\n", read(err));
  }

  private static List<String> read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
