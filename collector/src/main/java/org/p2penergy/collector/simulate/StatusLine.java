package org.p2penergy.collector.simulate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The simulator's progress on stderr: what it serves, then events sent and connections. */
final class StatusLine {
  private final ParticleCloudSimulator cloud;
  private final PrintStream err;

  StatusLine(ParticleCloudSimulator cloud, PrintStream err) {
    this.cloud = cloud;
    this.err = err;
  }

  /**
   * @param community what a community run streams, or null for the demo home or a replay
   */
  void describeStart(Path replay, String community, boolean anyToken) {
    String what =
        community != null
            ? community
            : replay == null
                ? "the demo home (fridge, microwave, raspberry_pi: "
                    + String.join(", ", cloud.deviceIds())
                    + ")"
                : "replay of " + replay + " as device " + cloud.deviceIds().get(0);
    err.println("simulate: streaming " + what);
    cloud.replaySummary().ifPresent(summary -> err.println("simulate: " + summary));
    err.println(
        "simulate: simulated clock from "
            + cloud.simulatedStart()
            + cloud.simulatedEnd().map(end -> " to " + end).orElse(""));
    if (anyToken) {
      err.println(
          "simulate: no --token and no "
              + SimulateCommand.TOKEN_ENV
              + " set: accepting any non-empty access token");
    }
    err.flush();
  }

  /**
   * Prints the status every {@code everyMs} until the JVM is asked to stop (which closes the
   * simulator), and the finished line on {@code out} once the simulated duration is reached.
   */
  void untilStopped(PrintStream out, long everyMs) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cloud.close();
                  stopped.countDown();
                }));
    long nextStatus = System.nanoTime() / 1_000_000 + everyMs;
    boolean announced = false;
    // Polled more often than the status line, so that the end is announced as it happens.
    while (!stopped.await(Math.min(everyMs, 200), TimeUnit.MILLISECONDS)) {
      if (!announced && cloud.finished()) {
        announced = true;
        out.println(finishedLine(cloud));
        out.flush();
      }
      if (System.nanoTime() / 1_000_000 >= nextStatus) {
        print();
        nextStatus += everyMs;
      }
    }
  }

  /** Printed once on stdout when --duration is reached: scripts (the demo) wait for it. */
  static String finishedLine(ParticleCloudSimulator cloud) {
    return "simulate: finished: " + cloud.eventsSent() + " events sent";
  }

  void print() {
    err.println(
        "simulate: "
            + cloud.eventsSent()
            + " events sent; streams: "
            + cloud.openStreams()
            + " open, "
            + cloud.streamsOpened()
            + " opened; faults: "
            + cloud.faultsInjected()
            + "; simulated time "
            + cloud.simulatedNow()
            + (cloud.finished() ? " (finished: no more events)" : ""));
    err.flush();
  }
}
