package org.p2penergy.reports.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2penergy.home.cli.UserException;

/**
 * The demo's child processes, each a {@code bin/p2penergy} command as a user would run it: the
 * simulator (its address and its end read from its output), and {@code collect} until the
 * simulation is over.
 */
final class DemoStages {
  /** Time for the last events in flight to reach the collector once the simulator is done. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
  private static final Pattern FINISHED = Pattern.compile("simulate: finished: (\\d+) events sent");

  private final Path launcher;
  private final Consumer<String> progress;

  DemoStages(Path launcher, Consumer<String> progress) {
    this.launcher = launcher;
    this.progress = progress;
  }

  /** A running simulator: the child, where it listens, and when it is done. */
  record Cloud(ChildCommand process, URI base, CompletableFuture<Long> finished)
      implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }

  /** Starts {@code simulate} with {@code args}; the token reaches it in its environment only. */
  Cloud simulate(List<String> args, String token) throws InterruptedException {
    CompletableFuture<URI> listening = new CompletableFuture<>();
    CompletableFuture<Long> finished = new CompletableFuture<>();
    ChildCommand process =
        ChildCommand.start(
            launcher,
            args,
            Map.of("PARTICLE_ACCESS_TOKEN", token),
            line -> {
              Matcher address = LISTENING.matcher(line);
              Matcher end = FINISHED.matcher(line);
              if (!listening.isDone() && address.matches()) {
                listening.complete(URI.create(address.group(1)));
              } else if (end.matches()) {
                finished.complete(Long.parseLong(end.group(1)));
              } else if (line.contains("events sent")) {
                progress.accept("  simulate | " + line.replaceFirst("^simulate: ", ""));
              }
            });
    for (int waited = 0; waited < 600 && !listening.isDone(); waited++) {
      if (!process.isAlive()) {
        process.close();
        throw new UserException("simulate stopped before it listened (its output is above)", 1);
      }
      Thread.sleep(100);
    }
    if (!listening.isDone()) {
      process.close();
      throw new UserException("simulate did not start listening within 60 s", 1);
    }
    return new Cloud(process, listening.join(), finished);
  }

  /** Runs {@code collect} with {@code args} until the simulation is over; the events sent. */
  long collect(Cloud cloud, List<String> args) throws Exception {
    try (ChildCommand collect =
        ChildCommand.start(launcher, args, line -> progress.accept("  collect | " + line))) {
      long sent;
      while (true) {
        if (!collect.isAlive()) {
          throw new UserException("collect stopped early (its output is above)", 1);
        }
        if (!cloud.process().isAlive()) {
          throw new UserException("simulate stopped early (its output is above)", 1);
        }
        try {
          sent = cloud.finished().get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException notYet) {
          // keep watching both children
        }
      }
      Thread.sleep(DRAIN.toMillis());
      progress.accept(
          String.format(Locale.ROOT, "  simulation done: %,d events sent; stopping collect", sent));
      int code = collect.stop(Duration.ofSeconds(60));
      if (code != 0) {
        throw new UserException("collect exited with code " + code + " (its output is above)", 1);
      }
      return sent;
    }
  }
}
