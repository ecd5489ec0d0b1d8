package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.p2penergy.collector.stream.Backoff;

/**
 * The one-shot upload: probe the store, send everything that waits (again, for files that land
 * meanwhile) with a progress line, retrying failures that pass by themselves with backoff and
 * jitter until {@code giveUpAfter} has gone by without progress; then retention.
 */
final class CatchUp {
  private final UploadSession session;
  private final Uploader uploader;
  private final PrintWriter out;
  private final Clock clock;
  private final Duration giveUpAfter;
  private final long progressNanos;
  private final Backoff backoff =
      new Backoff(UploadLoop.BACKOFF_BASE, Duration.ofSeconds(30), new Random());
  private long lastProgress;
  private long lastLine;
  private long files;
  private long bytes;
  private long totalFiles;
  private long totalBytes;

  CatchUp(
      UploadSession session,
      PrintWriter out,
      Clock clock,
      Duration giveUpAfter,
      Duration progress) {
    this.session = session;
    this.uploader = session.uploader();
    this.out = out;
    this.clock = clock;
    this.giveUpAfter = giveUpAfter;
    this.progressNanos = progress.toNanos();
  }

  int run(String home) throws StoreFailure, IOException {
    long start = System.nanoTime();
    lastProgress = start;
    lastLine = start;
    retrying(() -> session.store().probe());
    List<Uploader.Waiting> waiting = uploader.waiting();
    count(waiting);
    out.printf(
        "upload: %d files (%s) waiting for %s, home %s%n",
        totalFiles, Units.bytes(totalBytes), session.store().describe(), home);
    out.flush();
    while (!waiting.isEmpty()) {
      for (Uploader.Waiting w : waiting) {
        retrying(() -> uploader.send(w));
        files++;
        bytes += w.bytes();
        maybeProgress();
      }
      waiting = uploader.waiting(); // what landed meanwhile (a collector writing beside us)
      count(waiting);
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    int deleted = uploader.retention();
    out.printf(
        Locale.ROOT,
        "upload: done: %d files, %s in %.1f s (%s/s); nothing waits%s%n",
        files,
        Units.bytes(bytes),
        seconds,
        Units.bytes((long) (bytes / seconds)),
        deleted == 0
            ? ""
            : "; deleted "
                + deleted
                + " local files confirmed and older than "
                + Units.duration(session.storage().keepLocal()));
    out.flush();
    if (session.journal().unwritten() > 0) {
      throw new IOException(
          "the store has every file, but the journal cannot be written (disk full): "
              + session.journal().unwritten()
              + " confirmations would be sent again");
    }
    return 0;
  }

  private void count(List<Uploader.Waiting> waiting) {
    totalFiles = files + waiting.size();
    totalBytes = bytes + waiting.stream().mapToLong(Uploader.Waiting::bytes).sum();
  }

  private void maybeProgress() {
    long now = System.nanoTime();
    lastProgress = now;
    if (now - lastLine >= progressNanos) {
      lastLine = now;
      out.printf(
          "upload: %d/%d files, %s/%s%n",
          files, totalFiles, Units.bytes(bytes), Units.bytes(totalBytes));
      out.flush();
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws StoreFailure, IOException;
  }

  /** Runs a step until it works, a failure that does not pass by waiting, or giving up. */
  private void retrying(Step step) throws StoreFailure, IOException {
    boolean said = false;
    while (true) {
      try {
        step.run();
        backoff.reset();
        Duration d = session.outages().succeeded(clock.instant());
        if (d != null && said) {
          out.println("upload: store back after " + Units.duration(d));
        }
        return;
      } catch (StoreFailure f) {
        session.outages().failed(clock.instant(), f);
        if (f.kind() == StoreFailure.Kind.CREDENTIALS) {
          session.store().reloadKeys();
        }
        long waited = System.nanoTime() - lastProgress;
        if (!f.isTransient() || waited >= giveUpAfter.toNanos()) {
          throw f;
        }
        if (!said) {
          out.println("upload: " + f.getMessage() + "; retrying with backoff");
          out.flush();
          said = true;
        }
        sleep(backoff.next());
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
