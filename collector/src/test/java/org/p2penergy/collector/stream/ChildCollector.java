package org.p2penergy.collector.stream;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real {@code collect} in a child JVM on the test classpath, with the Pi's JVM flags. Its stdout
 * and stderr go to files, not pipes: {@link Process#destroy()} closes the parent's ends of the
 * pipes, which would lose what the child prints while it shuts down.
 *
 * <p>With {@code -Dp2penergy.launcher=PATH/bin/p2penergy} the child is that launcher instead (its
 * own jars and flags): how the tests are run against an earlier release to show what they catch.
 */
public final class ChildCollector implements AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();
  public final Process process;
  private final Path outFile;
  private final Path errFile;

  public ChildCollector(Path logDir, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    String launcher = System.getProperty("p2penergy.launcher");
    if (launcher != null) {
      cmd.addAll(List.of(launcher, "collect"));
    } else {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(
          List.of(
              "-Xmx32m",
              "-Xss512k",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-XX:ReservedCodeCacheSize=16m",
              "-cp",
              System.getProperty("java.class.path"),
              "org.p2penergy.collector.cli.CollectorMain",
              "collect"));
    }
    cmd.addAll(args);
    Files.createDirectories(logDir);
    int run = RUNS.incrementAndGet();
    outFile = logDir.resolve("collect-" + run + ".out");
    errFile = logDir.resolve("collect-" + run + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    pb.environment().remove("PARTICLE_ACCESS_TOKEN");
    pb.environment().put("P2PENERGY_NO_BUILD", "1");
    pb.environment().putAll(env);
    process = pb.start();
  }

  /** Sends SIGTERM, as systemd's stop does. */
  public void terminate() {
    process.destroy();
  }

  /** Waits (generously) until a line of stdout matches; false if the process ended first. */
  public boolean awaitLine(Predicate<String> match, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (out().stream().anyMatch(match)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(20);
    }
    return false;
  }

  public int waitFor(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("collector did not exit within " + limit + "\n" + transcript());
    }
    return process.exitValue();
  }

  public List<String> out() {
    return read(outFile);
  }

  public List<String> err() {
    return read(errFile);
  }

  public List<String> lines(String prefix) {
    return out().stream().filter(l -> l.startsWith(prefix)).toList();
  }

  public String transcript() {
    return "--- stdout ---\n"
        + String.join("\n", out())
        + "\n--- stderr ---\n"
        + String.join("\n", err());
  }

  private static List<String> read(Path file) {
    try {
      // A line cut by a kill may end mid-character: decode leniently.
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
