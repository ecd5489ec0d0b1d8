package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.p2penergy.collector.stream.Backoff;
import org.p2penergy.store.StoreFailure;

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
        try {
          retrying(() -> uploader.send(w));
        } catch (UnrecordedException e) {
          diskFull(e); // sent and confirmed; the journal line waits for space
        }
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
    try {
      session.outages().flush();
    } catch (IOException e) {
      diskFull(e);
    }
    if (session.journal().unwritten() > 0) {
      throw new org.p2penergy.home.cli.UserException(
          "the store has every file, but "
              + session.journal().unwritten()
              + " confirmations cannot be written to DATA/state/upload/journal.jsonl ("
              + Disks.why(lastLocal)
              + "); free some space and run upload again (those files are sent again)",
          1);
    }
    return 0;
  }

  private IOException lastLocal;

  /** A full disk is said once; nothing is deleted to make room. */
  private void diskFull(IOException e) {
    if (lastLocal == null) {
      out.println("upload: " + Disks.why(e) + Disks.hint(e));
      out.flush();
    }
    lastLocal = e;
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
        Duration d = null;
        try {
          d = session.outages().succeeded(clock.instant());
        } catch (IOException e) {
          diskFull(e);
        }
        if (d != null && said) {
          out.println("upload: store back after " + Units.duration(d));
        }
        return;
      } catch (StoreFailure f) {
        try {
          session.outages().failed(clock.instant(), f);
        } catch (IOException e) {
          diskFull(e);
        }
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
