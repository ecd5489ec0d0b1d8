package org.p2penergy.collector.simulate;

import java.io.PrintStream;
import java.nio.file.Path;

/** The simulator's progress on stderr: what it serves, then events sent and connections. */
final class StatusLine {
  private final ParticleCloudSimulator cloud;
  private final PrintStream err;

  StatusLine(ParticleCloudSimulator cloud, PrintStream err) {
    this.cloud = cloud;
    this.err = err;
  }

  void describeStart(Path replay, boolean anyToken) {
    String what =
        replay == null
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
