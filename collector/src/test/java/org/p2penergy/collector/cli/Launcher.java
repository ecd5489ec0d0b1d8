package org.p2penergy.collector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/p2penergy} as a user would, against the jars this build just packaged; with
 * {@code -Dp2penergy.launcher=PATH} another release's launcher instead (to show what a test catches
 * there).
 */
public final class Launcher {
  private Launcher() {}

  /** What a run printed and returned. */
  public record Result(int code, String out, String err, long millis) {
    public String all() {
      return out + err;
    }
  }

  public static Path path() {
    String other = System.getProperty("p2penergy.launcher");
    return other != null ? Path.of(other) : Path.of("..", "bin", "p2penergy").toAbsolutePath();
  }

  public static Result run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return run(Duration.ofSeconds(120), env, args);
  }

  /** Gives up (kills the child, fails the test) after {@code limit}. */
  public static Result run(Duration limit, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(path().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PARTICLE_ACCESS_TOKEN");
    // The reactor has just built the jars; the launcher must not start a nested Maven build.
    builder.environment().put("P2PENERGY_NO_BUILD", "1");
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    // stderr on its own thread: a full pipe must not block the child while stdout is read.
    StringBuilder err = new StringBuilder();
    Thread errReader =
        new Thread(
            () -> {
              try {
                err.append(
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                err.append(e);
              }
            });
    errReader.start();
    StringBuilder outText = new StringBuilder();
    Thread outReader =
        new Thread(
            () -> {
              try {
                outText.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                outText.append(e);
              }
            });
    outReader.start();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + ": still running after " + limit);
    }
    errReader.join();
    outReader.join();
    return new Result(
        process.exitValue(),
        outText.toString(),
        err.toString(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
