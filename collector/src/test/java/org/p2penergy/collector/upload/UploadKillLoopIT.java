package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p2penergy.collector.upload.UploadFixture.BUCKET;
import static org.p2penergy.collector.upload.UploadFixture.PREFIX;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.stream.ChildCollector;
import org.p2penergy.collector.stream.DataCheck;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.store.S3ProxyServer;

/**
 * The upload's durability: a real {@code collect} with an s3:// store, killed with SIGKILL 22 times
 * at random moments, several of them while a PUT is on its way (a proxy holds each PUT a little),
 * with the store itself stopped and started again in between. In the end every reading the
 * collector reported durable is in the store exactly once, every object is readable Parquet and
 * holds the local file's bytes, and nothing local is left unconfirmed.
 */
class UploadKillLoopIT {
  private static final String TOKEN = "upload-kill-token-51";
  private static final int KILLS = 22;
  @TempDir Path dir;

  @Test
  @Timeout(400)
  void killNineDuringUploadsAndStoreRestartsLoseNothingAndDuplicateNothing() throws Exception {
    Path data = dir.resolve("data");
    Random random = new Random(20261201);
    List<String> synced = new ArrayList<>();
    int killsDuringPut = 0;
    int storeRestarts = 0;
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("store"), BUCKET);
        FaultProxy proxy = new FaultProxy(s3.port);
        ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .tokens(Set.of(TOKEN))
                .seed(7)
                .speed(120)
                .start(Instant.parse("2026-11-27T20:00:00Z"))
                .sentLog(dir.resolve("sent.log"))
                .build()
                .start()) {
      proxy.putDelay(250);
      Map<String, String> env = new HashMap<>(UploadFixture.env(s3.identity, s3.credential));
      env.put("PARTICLE_ACCESS_TOKEN", TOKEN);
      Path config = UploadFixture.config(dir, proxy.endpoint(), BUCKET, null);
      List<String> args =
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
              "150",
              "--trace-sync");
      StringBuilder transcripts = new StringBuilder();
      for (int i = 0; i <= KILLS; i++) {
        if (i % 6 == 2) {
          s3.stop(); // the store goes down between two runs ...
        }
        if (i % 6 == 4 || i == KILLS) {
          if (!s3.running()) {
            s3.start(); // ... and comes back two runs later
            storeRestarts++;
          }
        }
        ChildCollector child = new ChildCollector(dir.resolve("logs"), env, args);
        if (i == KILLS) {
          proxy.putDelay(0);
          child.awaitLine(l -> l.startsWith("synced"), Duration.ofSeconds(60));
          child.awaitLine(l -> l.startsWith("upload: confirmed"), Duration.ofSeconds(60));
          child.terminate();
          assertThat(child.waitFor(Duration.ofSeconds(30))).as(child.transcript()).isZero();
        } else {
          Thread.sleep(400 + random.nextInt(2400));
          if (i % 3 == 0 && s3.running()) {
            // wait for an upload on its way, then kill in the middle of it
            long until = System.nanoTime() + 8_000_000_000L;
            while (proxy.putsInFlight() == 0 && System.nanoTime() < until) {
              Thread.sleep(5);
            }
            if (proxy.putsInFlight() > 0) {
              Thread.sleep(random.nextInt(200));
              killsDuringPut += proxy.putsInFlight() > 0 ? 1 : 0;
            }
          }
          child.process.destroyForcibly();
          child.waitFor(Duration.ofSeconds(30));
        }
        synced.addAll(DataCheck.syncedKeys(child.lines("synced")));
        transcripts.append(child.transcript());
      }
      // The final roll (SIGTERM) is sent by the one-shot command, as an operator would.
      UploadCommand command = new UploadCommand();
      command.env = UploadFixture.env(s3.identity, s3.credential);
      CommandRun.Result r =
          CommandRun.run(command, "--data", data.toString(), "--config", config.toString());
      assertThat(r.code()).as(r.all()).isZero();
      transcripts.append(r.all());

      Map<String, Path> objects = s3.objects(BUCKET);
      List<Reading> stored = UploadFixture.rowsInStore(objects); // throws if one is not Parquet
      System.out.printf(
          "upload kill loop: %d kills (%d during a PUT), %d store restarts, %d readings reported"
              + " durable, %d objects, %d rows in the store%n",
          KILLS, killsDuringPut, storeRestarts, synced.size(), objects.size(), stored.size());
      Map<String, Integer> copies = new HashMap<>();
      stored.forEach(x -> copies.merge(DataCheck.key(x), 1, Integer::sum));
      assertThat(copies.values()).as("no reading twice in the store").allMatch(n -> n == 1);
      assertThat(synced).as("readings reported durable").hasSizeGreaterThan(500);
      assertThat(copies.keySet()).as("every durable reading is in the store").containsAll(synced);
      assertThat(killsDuringPut).as("kills in the middle of a PUT").isGreaterThanOrEqualTo(3);
      Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
      assertThat(stored).allSatisfy(x -> assertThat(sent).contains(DataCheck.sentForm(x)));

      // Nothing local is unconfirmed or missing from the store; nothing stored is not local.
      UploadJournal journal = UploadJournal.open(data.resolve(DataLayout.uploadJournal()));
      List<Path> local = UploadFixture.files(data, "readings");
      for (Path p : local) {
        String key = data.relativize(p).toString();
        assertThat(objects).as("in the store: %s", key).containsKey(PREFIX + "/" + key);
        assertThat(Files.readAllBytes(objects.get(PREFIX + "/" + key)))
            .isEqualTo(Files.readAllBytes(p));
        JournalEntry e = journal.get(key);
        assertThat(e).as("confirmed: %s", key).isNotNull();
        assertThat(e.length()).isEqualTo(Files.size(p));
      }
      assertThat(objects.keySet().stream().filter(k -> k.endsWith(".parquet")))
          .hasSize(local.size());
      journal.close();
      assertThat(transcripts.toString() + s3.logs()).doesNotContain(s3.credential);
    }
  }
}
