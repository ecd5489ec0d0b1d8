package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/p2penergy simulate} as a user runs it: the address first, then a real stream. */
class SimulateLauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "p2penergy").toAbsolutePath();

  @Test
  @Timeout(120)
  void printsItsAddressFirstAndStreamsTheDemoHome() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            LAUNCHER.toString(), "simulate", "--port", "0", "--speed", "60", "--token", "s3cret");
    builder.environment().put("P2PENERGY_NO_BUILD", "1");
    builder.environment().remove(SimulateCommand.TOKEN_ENV);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).matches("listening on http://127\\.0\\.0\\.1:\\d+");
      URI base = URI.create(first.substring("listening on ".length()));
      assertThat(SseClient.get(base.resolve("/v1/devices/events"), "wrong").statusCode())
          .isEqualTo(401);
      try (SseClient client = SseClient.open(base.resolve("/v1/devices/events"), "s3cret")) {
        assertThat(client.nextBlock()).isEqualTo(":ok\n\n");
        SseClient.Event event = client.nextEvent();
        assertThat(event.name()).isEqualTo("power");
        assertThat(event.coreid())
            .isIn(SimulatedHome.FRIDGE_ID, SimulatedHome.MICROWAVE_ID, SimulatedHome.PI_ID);
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
