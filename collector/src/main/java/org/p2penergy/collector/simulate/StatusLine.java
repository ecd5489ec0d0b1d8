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

  void print() {
    err.println(
        "simulate: "
            + cloud.eventsSent()
            + " events sent, "
            + cloud.openStreams()
            + " streams open ("
            + cloud.streamsOpened()
            + " opened), "
            + cloud.faultsInjected()
            + " faults, simulated time "
            + cloud.simulatedNow()
            + (cloud.finished() ? " (finished)" : ""));
    err.flush();
  }
}
