package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p2penergy.collector.upload.UploadFixture.BUCKET;
import static org.p2penergy.collector.upload.UploadFixture.HOME;
import static org.p2penergy.collector.upload.UploadFixture.PREFIX;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.stream.ChildCollector;
import org.p2penergy.collector.stream.DataCheck;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.store.S3ProxyServer;

/**
 * A real {@code collect} (child JVM, Pi flags) with an s3:// storage block: the store is down when
 * it starts, comes up, goes down for a while and comes back. The stream never waits for it, the
 * status line says what waits, both upload outages are recorded (not as stream outages), and in the
 * end the store holds every reading exactly once. The secret is in no output.
 */
class CollectUploadIT {
  private static final String TOKEN = "collect-upload-token-77";
  @TempDir Path dir;

  @Test
  @Timeout(240)
  void uploadsAsItCollectsThroughAStoreThatIsDownAtStartAndForAWhileMidRun() throws Exception {
    Path data = dir.resolve("data");
    S3ProxyServer s3 = S3ProxyServer.create(dir.resolve("store"), BUCKET); // not started: down
    Map<String, String> env = new HashMap<>(UploadFixture.env(s3.identity, s3.credential));
    env.put("PARTICLE_ACCESS_TOKEN", TOKEN);
    Path config = UploadFixture.config(dir, s3.endpoint(), BUCKET, null);
    ChildCollector child = null;
    try (s3;
        ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .tokens(Set.of(TOKEN))
                .seed(11)
                .speed(200)
                .start(Instant.parse("2026-11-27T06:00:00Z"))
                .sentLog(dir.resolve("sent.log"))
                .build()
                .start()) {
      child =
          new ChildCollector(
              dir.resolve("logs"),
              env,
              List.of(
                  "--config",
                  config.toString(),
                  "--data",
                  data.toString(),
                  "--stream",
                  cloud.baseUri().resolve("/v1/devices/events").toString(),
                  "--fsync-interval",
                  "100ms",
                  "--max-rows-per-file",
                  "120",
                  "--status-interval",
                  "1s"));
      ChildCollector c = child;
      await(c, l -> l.startsWith("upload: store unreachable: cannot reach the store at "));
      await(c, l -> l.startsWith("collect: wrote"));
      await(c, l -> l.startsWith("status:") && l.contains(", upload DOWN (store unreachable): "));
      assertThat(c.out()).noneMatch(l -> l.startsWith("upload: confirmed"));

      s3.start();
      await(c, l -> l.startsWith("upload: store back after"));
      await(c, l -> l.startsWith("upload: confirmed readings/home=" + HOME + "/date="));
      int confirmed = c.lines("upload: confirmed").size();

      s3.stop(); // down for a while, mid-run
      await(
          c,
          l ->
              l.startsWith("upload: store unreachable")
                  && c.lines("upload: store unreachable").size() >= 2);
      Thread.sleep(2000);
      s3.start();
      await(c, l -> c.lines("upload: store back after").size() >= 2);
      await(c, l -> c.lines("upload: confirmed").size() > confirmed + 2);
      await(
          c,
          l ->
              l.startsWith("status:")
                  && l.contains(", upload: ")
                  && !l.contains("DOWN")
                  && c.lines("upload: store back after").size() >= 2);
      c.terminate();
      assertThat(c.waitFor(Duration.ofSeconds(60))).as(c.transcript()).isZero();

      // The last roll (at SIGTERM) waits for the next start; the one-shot command sends it now.
      UploadCommand command = new UploadCommand();
      command.env = UploadFixture.env(s3.identity, s3.credential);
      CommandRun.Result r =
          CommandRun.run(command, "--data", data.toString(), "--config", config.toString());
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.all()).doesNotContain(s3.credential);

      Map<String, Path> objects = s3.objects(BUCKET);
      List<Reading> local = DataCheck.storedRows(data);
      List<Reading> stored = UploadFixture.rowsInStore(objects);
      assertThat(stored).hasSameSizeAs(local).hasSizeGreaterThan(200);
      assertThat(stored.stream().map(DataCheck::key).collect(Collectors.toSet()))
          .hasSize(stored.size())
          .isEqualTo(local.stream().map(DataCheck::key).collect(Collectors.toSet()));
      for (Path p : UploadFixture.files(data, "readings")) {
        assertThat(Files.readAllBytes(objects.get(PREFIX + "/" + data.relativize(p))))
            .isEqualTo(Files.readAllBytes(p));
      }
      // Two upload outages, apart from the stream's outages, and in the store too.
      Path outageDir = data.resolve("upload-outages/home=" + HOME);
      List<String> outages = Files.readAllLines(Files.list(outageDir).findFirst().orElseThrow());
      assertThat(outages).hasSize(2).allMatch(l -> l.contains("\"reason\":\"store unreachable\""));
      assertThat(objects.keySet())
          .anyMatch(k -> k.startsWith(PREFIX + "/upload-outages/home=" + HOME + "/"));
      Path streamOutages = data.resolve("outages/home=" + HOME);
      if (Files.isDirectory(streamOutages)) {
        for (Path f : Files.list(streamOutages).toList()) {
          assertThat(Files.readString(f)).doesNotContain("store");
        }
      }
      String everything = c.transcript() + s3.logs();
      assertThat(everything).doesNotContain(s3.credential);
    } finally {
      if (child != null) {
        child.close();
      }
    }
  }

  private static void await(ChildCollector c, java.util.function.Predicate<String> line)
      throws InterruptedException {
    if (!c.awaitLine(line, Duration.ofSeconds(60))) {
      throw new AssertionError("expected line not printed\n" + c.transcript());
    }
  }
}
