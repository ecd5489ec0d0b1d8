package org.p2penergy.collector.simulate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Not a test: how many events a second one Java client receives from the simulator at a given speed
 * (docs/BENCHMARKS.md). Arguments: speed, seconds, and "all" for the three firmware events instead
 * of power only.
 */
public final class StreamBenchmark {
  public static void main(String[] args) throws Exception {
    double speed = args.length > 0 ? Double.parseDouble(args[0]) : 1e9;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Set<ReadingEvent> events =
        args.length > 2 && args[2].equals("all")
            ? EnumSet.allOf(ReadingEvent.class)
            : EnumSet.of(ReadingEvent.POWER);
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder()
            .speed(speed)
            .events(events)
            .start(Instant.parse("2026-01-01T05:00:00Z"))
            .holdClockUntilFirstStream(true)
            .build()
            .start()) {
      HttpRequest request =
          HttpRequest.newBuilder(cloud.baseUri().resolve("/v1/devices/events"))
              .header("Authorization", "Bearer x")
              .build();
      HttpResponse<java.io.InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      long n = 0;
      String lastData = "";
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data: ")) {
            n++;
            lastData = line;
            if ((n & 1023) == 0 && System.nanoTime() > end) {
              break;
            }
          }
        }
      }
      double real = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "speed %.0f, %s: %d events in %.1f s = %.0f events/s (sent %d); last %s%n",
          speed, events, n, real, n / real, cloud.eventsSent(), lastData);
    }
  }
}
