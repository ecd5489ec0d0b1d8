package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays of real traces come out with the recorded times and values. */
class ReplayIT {
  @TempDir Path dir;

  Path resource(String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/simulate/" + name)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  static List<String> replay(ParticleCloudSimulator.Builder builder) throws Exception {
    List<String> out = new ArrayList<>();
    try (ParticleCloudSimulator cloud =
            builder
                .speed(100_000)
                .holdClockUntilFirstStream(true)
                .keepAlive(Duration.ofMillis(100))
                .build()
                .start();
        SseClient client = SseClient.open(cloud.baseUri().resolve("/v1/devices/events"), "t")) {
      String block;
      while ((block = client.nextBlock()) != null) {
        if (block.startsWith("event:")) {
          SseClient.Event e = SseClient.parse(block);
          assertThat(e.name()).isEqualTo("power");
          out.add(e.coreid() + " " + e.publishedAt() + " " + e.value());
        } else if (block.equals("\n") && cloud.finished()) {
          break;
        }
      }
    }
    return out;
  }

  @Test
  void tracebaseTimesAreBerlinLocalAndRepeatedSecondsGetOneMillisecondApart() throws Exception {
    String id = "0123456789abcdef01234567";
    List<String> events =
        replay(
            ParticleCloudSimulator.builder()
                .replay(resource("tracebase_dev_599393_2012.01.11_excerpt.csv"), id));
    // 11/01/2012 08:11:01 in Darmstadt (CET, UTC+1) is 07:11:01Z; the W column (1 s mean) is sent
    assertThat(events)
        .containsExactly(
            id + " 2012-01-11T07:11:01.000Z 143",
            id + " 2012-01-11T07:11:03.000Z 141",
            id + " 2012-01-11T07:11:04.000Z 141",
            id + " 2012-01-11T07:11:06.000Z 143",
            id + " 2012-01-11T07:11:07.000Z 141",
            id + " 2012-01-11T07:11:10.000Z 143",
            id + " 2012-01-11T07:11:10.001Z 141",
            id + " 2012-01-11T07:11:12.000Z 141",
            id + " 2012-01-11T07:11:12.001Z 141",
            id + " 2012-01-11T07:11:12.002Z 141",
            id + " 2012-01-11T07:11:13.000Z 141",
            id + " 2012-01-11T07:11:14.000Z 139",
            id + " 2012-01-11T07:11:16.000Z 141",
            id + " 2012-01-11T07:11:17.000Z 139",
            id + " 2012-01-11T07:11:19.000Z 139",
            id + " 2012-01-11T07:11:20.000Z 141",
            id + " 2012-01-11T07:11:22.000Z 139",
            id + " 2012-01-11T07:11:24.000Z 139");
  }

  @Test
  void ampds2RowsAreUtcEpochSecondsWithThePColumn() throws Exception {
    List<String> events =
        replay(ParticleCloudSimulator.builder().replay(resource("ampds2_B1E_excerpt.csv"), "b1e"));
    // 1393339980 s = 2014-02-25T14:53:00Z; one row a minute; P is the 7th column
    assertThat(events)
        .containsExactly(
            "b1e 2014-02-25T14:53:00.000Z 0",
            "b1e 2014-02-25T14:54:00.000Z 0",
            "b1e 2014-02-25T14:55:00.000Z 0",
            "b1e 2014-02-25T14:56:00.000Z 0",
            "b1e 2014-02-25T14:57:00.000Z 4",
            "b1e 2014-02-25T14:58:00.000Z 5",
            "b1e 2014-02-25T14:59:00.000Z 5",
            "b1e 2014-02-25T15:00:00.000Z 5",
            "b1e 2014-02-25T15:01:00.000Z 5",
            "b1e 2014-02-25T15:02:00.000Z 5");
  }

  @Test
  void filledInAmpds2RowsAreReplayedAndStartShiftsTheTrace() throws Exception {
    List<String> events =
        replay(
            ParticleCloudSimulator.builder()
                .replay(resource("ampds2_B1E_filled_excerpt.csv"), "b1e")
                .start(Instant.parse("2026-11-27T00:00:00Z")));
    // five rows a minute apart (the middle one '+'-marked), moved to start at --start
    assertThat(events)
        .containsExactly(
            "b1e 2026-11-27T00:00:00.000Z 0",
            "b1e 2026-11-27T00:01:00.000Z 0",
            "b1e 2026-11-27T00:02:00.000Z 0",
            "b1e 2026-11-27T00:03:00.000Z 0",
            "b1e 2026-11-27T00:04:00.000Z 0");
  }
}
