package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p2penergy.collector.upload.UploadFixture.BUCKET;
import static org.p2penergy.collector.upload.UploadFixture.HOME;
import static org.p2penergy.collector.upload.UploadFixture.PREFIX;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.SmallDisk;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.store.S3ProxyServer;

/**
 * The disk fills while uploads are queued (a real 4 MiB tmpfs, filled to the last byte; the I/O
 * seam where mounting is refused). The store then comes back: the files go up, the confirmations
 * cannot be written and this is said once; nothing is deleted, not even files past keep_local,
 * until the journal holds their confirmation; when space returns everything is recorded.
 */
class UploadDiskFullIT {
  @TempDir Path dir;

  @Test
  @Timeout(180)
  void aFullDiskKeepsEveryFileSaysSoOnceAndCatchesUpWhenSpaceReturns() throws Exception {
    AtomicBoolean seamFull = new AtomicBoolean();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4)) {
      IoFaults faults =
          disk != null
              ? IoFaults.NONE
              : file -> {
                if (seamFull.get()) {
                  throw new IOException("No space left on device");
                }
              };
      Path data = dir.resolve("disk/data");
      UploadFixture.readings(data, Instant.parse("2026-11-20T08:00:00Z"), 3, 200, 150);
      List<Path> files = UploadFixture.files(data, "readings");
      assertThat(files).hasSizeGreaterThanOrEqualTo(4);
      FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(10)));
      Files.setLastModifiedTime(files.get(0), old); // past keep_local (7d), not yet confirmed
      Files.setLastModifiedTime(files.get(1), old);

      S3ProxyServer s3 = S3ProxyServer.create(dir.resolve("store"), BUCKET); // down
      Map<String, String> env = UploadFixture.env(s3.identity, s3.credential);
      StorageSettings storage =
          ConfigLoader.load(UploadFixture.config(dir, s3.endpoint(), BUCKET, null))
              .storage()
              .orElseThrow();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      UploadLoop loop =
          new UploadLoop(
              () ->
                  UploadSession.open(
                      data,
                      storage,
                      List.of(HOME),
                      HOME,
                      S3Store.open(storage, env),
                      Clock.systemUTC(),
                      Uploader.Events.NONE,
                      faults),
              Clock.systemUTC(),
              out,
              Duration.ofMillis(200),
              Duration.ZERO,
              Duration.ofSeconds(2));
      try (s3) {
        loop.start();
        await(bytes, "the store is down", () -> loop.status().files() == files.size());
        assertThat(loop.status().problem()).isEqualTo("store unreachable");

        if (disk != null) {
          // Spool segments are memory-mapped: a deleted one frees its pages only once the JVM
          // drops the mapping (at some GC). Fill again until no more space comes back.
          for (int i = 0; i < 5; i++) {
            disk.fill();
            System.gc();
            Thread.sleep(200);
          }
          disk.fill();
          assertThat(disk.usable()).isZero();
        } else {
          seamFull.set(true);
        }
        s3.start();
        await(bytes, "every file sent", () -> loop.status().files() == 0);
        Thread.sleep(1500); // several passes, each trying retention: nothing may be deleted
        Map<String, Path> objects = s3.objects(BUCKET);
        for (Path p : files) {
          assertThat(p)
              .as(
                  "kept while the disk is full (%s B free):%n%s",
                  disk == null ? -1 : disk.usable(), text(bytes))
              .exists();
          assertThat(Files.readAllBytes(objects.get(PREFIX + "/" + data.relativize(p))))
              .isEqualTo(Files.readAllBytes(p));
        }
        assertThat(loop.status().problem()).isEqualTo("disk full");
        String full = text(bytes);
        assertThat(full.split("disk full \\(No space left on device\\)", -1))
            .as("said once:\n%s", full)
            .hasSize(2);
        assertThat(full)
            .contains(
                "; the spool and every file not yet confirmed are kept, nothing is deleted to make"
                    + " room");

        if (disk != null) {
          disk.free();
        } else {
          seamFull.set(false);
        }
        await(
            bytes,
            "the journal written",
            () -> text(bytes).contains("the journal is written again"));
        await(bytes, "old confirmed files deleted", () -> !Files.exists(files.get(0)));
        assertThat(files.get(1)).doesNotExist();
        assertThat(files.subList(2, files.size())).allMatch(Files::exists);
        await(bytes, "status clear", () -> loop.status().problem() == null);
      } finally {
        loop.close();
      }
      try (UploadJournal journal = UploadJournal.open(data.resolve(DataLayout.uploadJournal()))) {
        for (Path p : files.subList(2, files.size())) {
          JournalEntry e = journal.get(data.relativize(p).toString());
          assertThat(e).isNotNull();
          assertThat(e.gone()).isFalse();
          assertThat(e.length()).isEqualTo(Files.size(p));
        }
      }
      Path outages = data.resolve(DataLayout.of(HOME).uploadOutages());
      assertThat(Files.list(outages).toList()).singleElement();
      assertThat(Files.readString(Files.list(outages).findFirst().orElseThrow()))
          .contains("\"reason\":\"store unreachable\"");
      assertThat(text(bytes)).doesNotContain(s3.credential);
      System.out.println(
          (disk != null ? "real 4 MiB tmpfs" : "I/O seam (mount refused)") + ":\n" + text(bytes));
    }
  }

  private static String text(ByteArrayOutputStream b) {
    synchronized (b) {
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  private static void await(ByteArrayOutputStream out, String what, BooleanSupplier ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + "\n" + text(out));
      }
      Thread.sleep(50);
    }
  }
}
