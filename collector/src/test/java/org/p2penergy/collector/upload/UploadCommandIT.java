package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p2penergy.collector.upload.UploadFixture.BUCKET;
import static org.p2penergy.collector.upload.UploadFixture.HOME;
import static org.p2penergy.collector.upload.UploadFixture.PREFIX;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.importer.ImportHome;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.stream.DataCheck;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.store.S3ProxyServer;

/**
 * {@code upload} against a real S3 server (s3proxy, SigV4): the backfill of every kind of local
 * file, each exit code with the line the user sees, SlowDown and a store that goes away mid-run,
 * retention. No output may hold the secret.
 */
class UploadCommandIT {
  private static final Instant DAY1 = Instant.parse("2026-11-25T10:00:00Z");
  @TempDir static Path shared;
  private static S3ProxyServer s3;
  @TempDir Path dir;
  private final List<String> outputs = new ArrayList<>();

  @BeforeAll
  static void startStore() throws Exception {
    s3 = S3ProxyServer.start(shared, BUCKET);
  }

  @AfterAll
  static void stopStore() throws Exception {
    s3.close();
  }

  @BeforeEach
  void emptyTheBucket() throws Exception {
    for (Path p : s3.objects(BUCKET).values()) {
      Files.delete(p);
    }
  }

  private CommandRun.Result upload(
      Path data, Path config, Map<String, String> env, String... more) {
    UploadCommand command = new UploadCommand();
    command.env = env;
    List<String> args =
        new ArrayList<>(List.of("--data", data.toString(), "--config", config.toString()));
    args.addAll(List.of(more));
    CommandRun.Result r = CommandRun.run(command, args.toArray(String[]::new));
    outputs.add(r.all());
    return r;
  }

  private Map<String, String> goodEnv() {
    return UploadFixture.env(s3.identity, s3.credential);
  }

  /** The object of a local path, by its key under the prefix. */
  private static Path object(Map<String, Path> objects, String relative) {
    Path p = objects.get(PREFIX + "/" + relative);
    assertThat(p).as("object for %s in %s", relative, objects.keySet()).isNotNull();
    return p;
  }

  @Test
  @Timeout(180)
  void backfillsEveryLocalFileOnceAndASecondRunSendsNothing() throws Exception {
    Path data = dir.resolve("data");
    String bucketRoot = PREFIX + "/";
    List<Reading> written = UploadFixture.readings(data, DAY1, 2, 300, 250);
    // Side files of this home, and the older single-home layout beside them (the upgrade day).
    Path quarantine = data.resolve("quarantine/home=" + HOME + "/2026-11-25.jsonl");
    Files.createDirectories(quarantine.getParent());
    Files.writeString(quarantine, "{\"reason\":\"not a number\"}\n{\"reason\":\"partial");
    Path outages = data.resolve("outages/home=" + HOME + "/2026-11-26.jsonl");
    Files.createDirectories(outages.getParent());
    Files.writeString(outages, "{\"start\":\"b\"}\n");
    Path legacyOutages = data.resolve("outages/2026-11-26.jsonl");
    Files.writeString(legacyOutages, "{\"start\":\"a\"}\n");
    Path someCurrent = UploadFixture.files(data, "readings").get(0);
    Path legacyDir = Files.createDirectories(data.resolve("readings/date=2026-11-24"));
    Path legacy = legacyDir.resolve("part-20261124T000000Z-legacy.parquet");
    Files.copy(someCurrent, legacy);
    List<Path> parquet = UploadFixture.files(data, "readings");

    Path config = UploadFixture.config(dir, s3.endpoint(), BUCKET, null);
    CommandRun.Result r = upload(data, config, goodEnv(), "--progress", "1ms");

    assertThat(r.code()).as(r.all()).isZero();
    int expected = parquet.size() + 2; // the two outages files are one object
    assertThat(r.out())
        .contains("upload: " + expected + " files (")
        .contains("waiting for s3://" + BUCKET + "/" + PREFIX + " at http://127.0.0.1:" + s3.port)
        .contains("upload: " + expected + "/" + expected + " files")
        .contains("upload: done: " + expected + " files");
    Map<String, Path> objects = s3.objects(BUCKET);
    for (Path p : parquet) {
      String rel = data.relativize(p).toString();
      String key =
          rel.startsWith("readings/date=")
              ? rel.replace("readings/", "readings/home=" + HOME + "/")
              : rel;
      assertThat(Files.readAllBytes(object(objects, key))).isEqualTo(Files.readAllBytes(p));
    }
    // Up to the last complete line; the older day file first, then the current one.
    assertThat(Files.readString(object(objects, "quarantine/home=" + HOME + "/2026-11-25.jsonl")))
        .isEqualTo("{\"reason\":\"not a number\"}\n");
    assertThat(Files.readString(object(objects, "outages/home=" + HOME + "/2026-11-26.jsonl")))
        .isEqualTo("{\"start\":\"a\"}\n{\"start\":\"b\"}\n");
    assertThat(objects.keySet())
        .allMatch(
            k ->
                k.startsWith(bucketRoot + "readings/home=" + HOME)
                    || k.startsWith(bucketRoot + "quarantine/home=" + HOME)
                    || k.startsWith(bucketRoot + "outages/home=" + HOME));
    // Every reading written is in the store exactly once, plus the legacy copy's rows.
    List<Reading> rows = UploadFixture.rowsInStore(objects);
    Set<String> keys = new HashSet<>();
    long legacyRows = org.p2penergy.collector.store.ReadingsFileReader.readAll(legacy).size();
    assertThat(rows).hasSize(written.size() + (int) legacyRows);
    rows.forEach(x -> keys.add(DataCheck.key(x)));
    assertThat(keys).hasSize(written.size());

    // Nothing changed: nothing is sent. The quarantine's partial line completes: only it is.
    CommandRun.Result again = upload(data, config, goodEnv());
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out()).contains("upload: 0 files (0 B) waiting").contains("done: 0 files");
    Files.writeString(quarantine, "\"}\n", java.nio.file.StandardOpenOption.APPEND);
    CommandRun.Result grown = upload(data, config, goodEnv());
    assertThat(grown.out()).contains("upload: 1 files (").contains("done: 1 files");
    assertThat(
            Files.readString(
                object(s3.objects(BUCKET), "quarantine/home=" + HOME + "/2026-11-25.jsonl")))
        .isEqualTo("{\"reason\":\"not a number\"}\n{\"reason\":\"partial\"}\n");
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void aWrongSecretExits3WithOneLineNamingTheBucketAndTheKeyId() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 1, 10, 1000);
    Path config = UploadFixture.config(dir, s3.endpoint(), BUCKET, null);
    String wrong = "wrong-" + s3.credential.substring(6);
    CommandRun.Result r = upload(data, config, UploadFixture.env(s3.identity, wrong));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("upload: the store at http://127.0.0.1:" + s3.port + " refused the credentials")
        .contains("bucket " + BUCKET, "access key id " + s3.identity, "SignatureDoesNotMatch")
        .contains("env:" + UploadFixture.SECRET_ENV)
        .doesNotContain(wrong);
    assertThat(r.all()).doesNotContain(wrong).doesNotContain(s3.credential);
    assertThat(s3.objects(BUCKET)).isEmpty();
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void aMissingBucketExits4() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 1, 10, 1000);
    Path config = UploadFixture.config(dir, s3.endpoint(), "no-such-bucket", null);
    CommandRun.Result r = upload(data, config, goodEnv());
    assertThat(r.code()).as(r.all()).isEqualTo(4);
    assertThat(r.err().strip())
        .isEqualTo(
            "upload: bucket no-such-bucket does not exist at http://127.0.0.1:"
                + s3.port
                + " (NoSuchBucket, HTTP 404)");
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void anUnreachableStoreExits5AndTheOutageIsRecordedOnceItIsBack() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 1, 10, 1000);
    int closed = S3ProxyServer.freePort();
    Path down = UploadFixture.config(dir, "http://127.0.0.1:" + closed, BUCKET, null);
    CommandRun.Result r = upload(data, down, goodEnv(), "--give-up-after", "1s");
    assertThat(r.code()).as(r.all()).isEqualTo(5);
    assertThat(r.out())
        .contains(
            "upload: cannot reach the store at http://127.0.0.1:"
                + closed
                + ": connection refused; retrying with backoff");
    assertThat(r.err().strip())
        .isEqualTo(
            "upload: cannot reach the store at http://127.0.0.1:"
                + closed
                + ": connection refused");
    assertThat(data.resolve("state/upload/outage.json")).exists();

    CommandRun.Result back =
        upload(data, UploadFixture.config(dir, s3.endpoint(), BUCKET, null), goodEnv());
    assertThat(back.code()).as(back.all()).isZero();
    List<String> outage =
        Files.readAllLines(data.resolve("upload-outages/home=" + HOME).resolve(today() + ".jsonl"));
    assertThat(outage).singleElement().asString().contains("\"reason\":\"store unreachable\"");
    assertThat(data.resolve("outages")).doesNotExist(); // not a gap in the readings
    assertThat(data.resolve("state/upload/outage.json")).doesNotExist();
    // The outage ended with the first request that went through, before the files were listed:
    // its record went to the store in the same run.
    assertThat(back.out()).contains("upload: 2 files ("); // one readings file, one outage record
    assertThat(s3.objects(BUCKET))
        .containsKey(PREFIX + "/upload-outages/home=" + HOME + "/" + today() + ".jsonl");
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void anAnswerWhoseEtagIsNotTheSentMd5IsNotConfirmedAndTheFileIsSentAgain() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 3, 100, 1000);
    List<Path> files = UploadFixture.files(data, "readings");
    try (FaultProxy proxy = new FaultProxy(s3.port)) {
      proxy.wrongEtags(2);
      Path config = UploadFixture.config(dir, proxy.endpoint(), BUCKET, null);
      CommandRun.Result r = upload(data, config, goodEnv(), "--give-up-after", "60s");
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.out())
          .contains("the store holds other bytes (ETag 00000000000000000000000000000000");
      // Each readings file once, the two whose answers did not match once more each, and the
      // record of that failure stretch (an upload outage is a file that is uploaded too).
      assertThat(proxy.puts.get()).isEqualTo(files.size() + 2 + 1);
    }
    Map<String, Path> objects = s3.objects(BUCKET);
    assertThat(objects)
        .containsKey(PREFIX + "/upload-outages/home=" + HOME + "/" + today() + ".jsonl");
    for (Path p : files) {
      assertThat(Files.readAllBytes(object(objects, data.relativize(p).toString())))
          .isEqualTo(Files.readAllBytes(p));
    }
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void slowDownIsRetriedWithBackoffAndRecordedAsAnOutage() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 3, 100, 1000);
    try (FaultProxy proxy = new FaultProxy(s3.port)) {
      proxy.slowDown(true);
      Thread lift =
          new Thread(
              () -> {
                try {
                  Thread.sleep(2500);
                } catch (InterruptedException e) {
                  return;
                }
                proxy.slowDown(false);
              });
      lift.start();
      Path config = UploadFixture.config(dir, proxy.endpoint(), BUCKET, null);
      CommandRun.Result r = upload(data, config, goodEnv(), "--give-up-after", "60s");
      lift.join();
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(proxy.slowDowns.get()).isGreaterThanOrEqualTo(2);
      assertThat(r.out())
          .contains(
              "upload: the store asks to slow down (SlowDown, HTTP 503); retrying with backoff")
          .contains("upload: store back after")
          .contains("upload: done: 4 files"); // 3 readings files and the outage record
    }
    assertThat(
            Files.readString(
                data.resolve("upload-outages/home=" + HOME).resolve(today() + ".jsonl")))
        .contains("\"reason\":\"store throttling (SlowDown)\"");
    assertThat(s3.objects(BUCKET).keySet().stream().filter(k -> k.endsWith(".parquet"))).hasSize(3);
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void aStoreThatGoesAwayMidRunAndComesBackGetsEveryFile() throws Exception {
    Path dir2 = Files.createDirectories(dir.resolve("own-store"));
    Path data = dir.resolve("data");
    List<Reading> written = UploadFixture.readings(data, DAY1, 1, 2000, 100); // 40 files
    try (S3ProxyServer own = S3ProxyServer.start(dir2, BUCKET);
        FaultProxy slow = new FaultProxy(own.port)) {
      slow.putDelay(100);
      Path config = UploadFixture.config(dir, slow.endpoint(), BUCKET, null);
      AtomicReference<CommandRun.Result> result = new AtomicReference<>();
      Thread run =
          new Thread(
              () ->
                  result.set(
                      upload(
                          data,
                          config,
                          UploadFixture.env(own.identity, own.credential),
                          "--give-up-after",
                          "60s")));
      run.start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (own.objects(BUCKET).size() < 5 && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(run.isAlive()).as("upload still running: %s", result.get()).isTrue();
      own.stop(); // kill -9, with a PUT on its way most likely
      Thread.sleep(1500);
      own.start();
      run.join(120_000);
      CommandRun.Result r = result.get();
      assertThat(r.code()).as(r.all()).isZero();
      // 40 readings files, then the record of the outage, which ended with the first upload after
      assertThat(r.out())
          .contains("retrying with backoff")
          .contains("upload: store back after")
          .contains("upload: done: 41 files");
      Map<String, Path> objects = own.objects(BUCKET);
      for (Path p : UploadFixture.files(data, "readings")) {
        assertThat(Files.readAllBytes(object(objects, data.relativize(p).toString())))
            .isEqualTo(Files.readAllBytes(p));
      }
      assertThat(UploadFixture.rowsInStore(objects)).hasSize(written.size());
    }
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void retentionDeletesOnlyFilesConfirmedLongerThanKeepLocalAgo() throws Exception {
    Path data = dir.resolve("data");
    UploadFixture.readings(data, DAY1, 3, 50, 1000);
    List<Path> files = UploadFixture.files(data, "readings");
    assertThat(files).hasSize(3);
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
    Files.setLastModifiedTime(files.get(0), old);
    Files.setLastModifiedTime(files.get(1), old);
    String keep = "  keep_local: 2d";
    // Not confirmed (the store is down): nothing is deleted, however old.
    int closed = S3ProxyServer.freePort();
    CommandRun.Result down =
        upload(
            data,
            UploadFixture.config(dir, "http://127.0.0.1:" + closed, BUCKET, keep),
            goodEnv(),
            "--give-up-after",
            "1s");
    assertThat(down.code()).isEqualTo(5);
    assertThat(files).allMatch(Files::exists);

    CommandRun.Result r =
        upload(data, UploadFixture.config(dir, s3.endpoint(), BUCKET, keep), goodEnv());
    assertThat(r.code()).as(r.all()).isZero();
    // 3 readings files and the record of the outage the first run met
    assertThat(r.out())
        .contains("done: 4 files")
        .contains("deleted 2 local files confirmed and older than 2d 0h");
    assertThat(files.get(0)).doesNotExist();
    assertThat(files.get(1)).doesNotExist();
    assertThat(files.get(2)).exists();
    Map<String, Path> objects = s3.objects(BUCKET);
    for (Path p : files) {
      assertThat(objects).containsKey(PREFIX + "/" + data.relativize(p));
    }
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void configMistakesAndABusyDirectoryAreOneLine() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path noStore = dir.resolve("plain.yaml");
    Files.writeString(noStore, "home: {id: " + HOME + "}\n");
    CommandRun.Result none = upload(data, noStore, goodEnv());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo("upload: " + noStore + " has no storage: block; add one with an s3:// url\n");

    CommandRun.Result noKey =
        upload(
            data,
            UploadFixture.config(dir, s3.endpoint(), BUCKET, null),
            Map.of(UploadFixture.KEY_ENV, s3.identity));
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err())
        .isEqualTo("upload: environment variable P2PENERGY_S3_SECRET_KEY is not set\n");

    try (UploadLock held = UploadLock.acquire(data)) {
      CommandRun.Result busy =
          upload(data, UploadFixture.config(dir, s3.endpoint(), BUCKET, null), goodEnv());
      assertThat(busy.code()).isEqualTo(1);
      assertThat(busy.err())
          .startsWith("upload: " + data + " is being uploaded by another process");
    }
    assertNoSecret();
  }

  @Test
  @Timeout(180)
  void anImportWithAStoreUploadsWhatItLanded() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    // Keys from files this time (the import reads the real environment, not a seam).
    Path keyFile = Files.writeString(dir.resolve("s3-key"), s3.identity + "\n");
    Path secretFile = Files.writeString(dir.resolve("s3-secret"), s3.credential + "\n");
    Path config = dir.resolve("import.yaml");
    Files.writeString(
        config,
        Files.readString(UploadFixture.config(dir, s3.endpoint(), BUCKET, null))
            .replace("access_key_env: " + UploadFixture.KEY_ENV, "access_key_file: " + keyFile)
            .replace(
                "secret_key_env: " + UploadFixture.SECRET_ENV, "secret_key_file: " + secretFile));
    // Two readings on 2026-11-25, one the next day and a row out of range: two days of readings
    // and a quarantine file land, so three objects.
    Path csv =
        Files.writeString(
            dir.resolve("trace.csv"),
            "time,watts\n2026-11-25T10:00:00Z,12.5\n2026-11-25T10:00:01Z,13\n"
                + "2026-11-26T08:00:00Z,80\n2026-11-26T08:00:01Z,2e9\n");
    CommandRun.Result r = importCsv(data, config, "kettle-1", csv);

    assertThat(r.code()).as(r.all()).isZero();
    List<Path> local = new ArrayList<>(UploadFixture.files(data, "readings"));
    local.addAll(UploadFixture.files(data, "quarantine"));
    assertThat(local).hasSize(3);
    Map<String, Path> objects = s3.objects(BUCKET);
    for (Path p : local) {
      assertThat(Files.readAllBytes(object(objects, data.relativize(p).toString())))
          .isEqualTo(Files.readAllBytes(p));
    }
    assertThat(UploadFixture.rowsInStore(objects))
        .extracting(Reading::value)
        .containsExactlyInAnyOrder(12.5, 13.0, 80.0);

    // A store that refuses the keys: the readings stay imported and the user is told what to do.
    String wrong = "wrong-" + s3.credential.substring(6);
    Path wrongFile = Files.writeString(dir.resolve("wrong-secret"), wrong + "\n");
    Path refused = dir.resolve("refused.yaml");
    Files.writeString(
        refused, Files.readString(config).replace(secretFile.toString(), wrongFile.toString()));
    CommandRun.Result down = importCsv(data, refused, "kettle-2", csv);
    assertThat(down.code()).as(down.all()).isEqualTo(ImportHome.NOT_UPLOADED);
    assertThat(down.err())
        .startsWith("csv: the readings are imported and kept in DATA, not uploaded: ")
        .contains("send them later with 'p2penergy upload'");
    assertThat(down.all()).doesNotContain(wrong);
    assertThat(UploadFixture.files(data, "readings")).hasSize(4); // kettle-2's day files are kept

    // A key file that is not there: the same, with the file named.
    Path noKey = dir.resolve("no-key.yaml");
    Files.writeString(
        noKey, Files.readString(config).replace(secretFile.toString(), dir + "/missing-secret"));
    CommandRun.Result missing = importCsv(data, noKey, "kettle-3", csv);
    assertThat(missing.code()).as(missing.all()).isEqualTo(ImportHome.NOT_UPLOADED);
    assertThat(missing.err())
        .contains("not uploaded: ")
        .contains("missing-secret")
        .contains("send them later with 'p2penergy upload'");
    assertNoSecret();
  }

  private CommandRun.Result importCsv(Path data, Path config, String device, Path csv) {
    CommandRun.Result r =
        CommandRun.run(
            new org.p2penergy.collector.importer.ImportCommand(),
            "csv",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--device",
            device,
            csv.toString());
    outputs.add(r.all());
    return r;
  }

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  /** The secret in no output, no journal, no outage record, no server log. */
  private void assertNoSecret() throws Exception {
    for (String o : outputs) {
      assertThat(o).doesNotContain(s3.credential);
    }
    for (Path f : UploadFixture.files(dir, ".")) {
      if (f.toString().endsWith(".jsonl") || f.toString().endsWith(".json")) {
        assertThat(Files.readString(f)).doesNotContain(s3.credential);
      }
    }
  }
}
