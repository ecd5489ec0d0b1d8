package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.p2penergy.collector.stream.Backoff;
import org.p2penergy.store.StoreFailure;

/**
 * The uploads of a running {@code collect}: one daemon thread, apart from the stream. The store's
 * thread only flags that a file landed ({@link #fileWritten}, never blocking); this thread looks
 * for what waits, sends it oldest first, and on a failure waits with exponential backoff and jitter
 * (1 s doubling up to 5 min, so a store down for days is asked about every few minutes), records
 * the upload outage and says so once. Files written by an import beside the collector are found by
 * the rescan every {@code rescan}. Retention runs when nothing waits, at most every {@code
 * retentionEvery}.
 */
public final class UploadLoop implements AutoCloseable {
  public static final Duration DEFAULT_RESCAN = Duration.ofMinutes(1);
  public static final Duration DEFAULT_RETENTION_EVERY = Duration.ofHours(1);
  public static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
  public static final Duration BACKOFF_MAX = Duration.ofMinutes(5);

  /** Opens the session on the loop's thread (the SDK takes a while to load on a Pi). */
  @FunctionalInterface
  public interface Opener {
    UploadSession open() throws IOException;
  }

  private final Opener opener;
  private UploadSession session;
  private Uploader uploader;
  private final Clock clock;
  private final PrintStream out;
  private final Duration rescan;
  private final Duration retentionEvery;
  private final Backoff backoff;
  private final Object wake = new Object();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private final LocalProblems local;
  private boolean dirty = true;
  private volatile boolean stop;
  private volatile UploadStatus status = UploadStatus.STARTING;
  private Instant lastRetention = Instant.MIN;
  private String lastUnexpected;

  public UploadLoop(
      Opener opener,
      Clock clock,
      PrintStream out,
      Duration rescan,
      Duration retentionEvery,
      Duration backoffMax) {
    this.opener = opener;
    this.clock = clock;
    this.out = out;
    this.rescan = rescan;
    this.retentionEvery = retentionEvery;
    this.backoff = new Backoff(BACKOFF_BASE, backoffMax, new Random());
    this.local = new LocalProblems(out);
    this.thread = new Thread(this::run, "upload");
    thread.setDaemon(true);
  }

  public UploadLoop(Opener opener, Clock clock, PrintStream out) {
    this(opener, clock, out, DEFAULT_RESCAN, DEFAULT_RETENTION_EVERY, BACKOFF_MAX);
  }

  public void start() {
    thread.start();
  }

  /** The store published a file: look again soon. Quick; called on the store's thread. */
  public void fileWritten(Path file) {
    synchronized (wake) {
      dirty = true;
      wake.notifyAll();
    }
  }

  public UploadStatus status() {
    return status;
  }

  /** Stops the thread; an upload in flight is abandoned (it waits for the next run). */
  @Override
  public void close() throws IOException {
    stop = true;
    stopped.countDown();
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (session != null && !thread.isAlive()) {
        session.close();
      }
    }
  }

  private void run() {
    if (!openSession()) {
      return;
    }
    out.println("upload: to " + session.store().describe());
    probe();
    while (!stop) {
      try {
        pass();
      } catch (RuntimeException e) {
        if (!String.valueOf(e).equals(lastUnexpected)) {
          out.println("upload: unexpected error (" + e + "); trying again");
          lastUnexpected = String.valueOf(e);
        }
        pause(backoff.next());
      }
    }
  }

  /** Opens the session; while another process uploads this directory, tries again later. */
  private boolean openSession() {
    boolean said = false;
    while (!stop) {
      try {
        UploadSession opened = opener.open();
        synchronized (this) {
          if (stop) {
            opened.close();
            return false;
          }
          session = opened;
          uploader = opened.uploader();
        }
        return true;
      } catch (UploadLock.HeldException e) {
        if (!said) {
          out.println(
              "upload: " + e.getMessage() + "; trying again every " + Units.duration(rescan));
          said = true;
        }
      } catch (IOException | RuntimeException e) {
        out.println("upload: cannot start uploads (" + e.getMessage() + "); trying again");
      }
      status = new UploadStatus(0, 0, null, "not started");
      pause(rescan);
    }
    return false;
  }

  private void probe() {
    try {
      session.store().probe();
      out.println("upload: store reachable, credentials accepted");
      succeeded(); // an outage left open by an earlier run ends here
    } catch (StoreFailure f) {
      failed(f);
    }
  }

  /** One look at what waits, and sending it; returns after a failure's wait or when idle. */
  private void pass() {
    synchronized (wake) {
      dirty = false;
    }
    local.flushJournal(session.journal());
    local.flushOutages(session.outages());
    List<Uploader.Waiting> waiting;
    try {
      waiting = uploader.waiting();
    } catch (IOException e) {
      local.problem("cannot list the local files", e);
      idle();
      return;
    }
    publish(waiting, 0, currentProblem());
    boolean sent = false;
    for (int i = 0; i < waiting.size() && !stop; i++) {
      Uploader.Waiting w = waiting.get(i);
      try {
        uploader.send(w);
        sent = true;
        succeeded();
        local.clear(session.journal());
        out.println("upload: confirmed " + w.key() + " (" + Units.bytes(w.bytes()) + ")");
      } catch (StoreFailure f) {
        failed(f);
        publish(waiting, i, currentProblem());
        pause(backoff.next());
        return;
      } catch (UnrecordedException e) {
        // In the store; the journal line waits for space (the next pass writes it).
        sent = true;
        succeeded();
        out.println("upload: confirmed " + w.key() + " (" + Units.bytes(w.bytes()) + ")");
        local.problem("cannot write the upload journal", e);
      } catch (IOException e) {
        local.problem("upload of " + w.key(), e); // a local file vanished or is unreadable
      }
      publish(waiting, i + 1, currentProblem());
    }
    if (!stop && waiting.isEmpty()) {
      retentionIfDue();
      idle();
    } else if (!sent) {
      idle(); // only local trouble (unreadable files, a full disk): do not spin
    }
  }

  private void retentionIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(lastRetention.plus(retentionEvery))) {
      return;
    }
    lastRetention = now;
    try {
      int n = uploader.retention();
      if (n > 0) {
        out.println(
            "upload: deleted "
                + n
                + " local files confirmed in the store and older than "
                + Units.duration(session.storage().keepLocal()));
      }
    } catch (IOException e) {
      local.problem("retention (nothing deleted)", e);
    }
  }

  private void succeeded() {
    backoff.reset();
    try {
      Duration d = session.outages().succeeded(clock.instant());
      if (d != null) {
        out.println("upload: store back after " + Units.duration(d) + "; sending what waits");
      }
    } catch (IOException e) {
      local.problem("cannot record the upload outage", e);
    }
  }

  private void failed(StoreFailure f) {
    if (f.kind() == StoreFailure.Kind.CREDENTIALS) {
      session.store().reloadKeys();
    }
    try {
      if (session.outages().failed(clock.instant(), f)) {
        out.println(
            "upload: "
                + f.kind().words()
                + ": "
                + f.getMessage()
                + "; files wait on the local disk, retrying with backoff");
      }
    } catch (IOException e) {
      local.problem("cannot record the upload outage", e);
    }
  }

  private String currentProblem() {
    UploadOutages.Open o = session.outages().current();
    return o != null ? o.reason() : local.current();
  }

  private void publish(List<Uploader.Waiting> waiting, int sent, String problem) {
    long bytes = 0;
    Instant oldest = null;
    for (int i = sent; i < waiting.size(); i++) {
      Uploader.Waiting w = waiting.get(i);
      bytes += w.bytes();
      Instant t = Instant.ofEpochMilli(w.oldest());
      oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
    }
    status = new UploadStatus(waiting.size() - sent, bytes, oldest, problem);
  }

  /** Waits for a landed file or the rescan time, the journal fsynced first. */
  private void idle() {
    if (session.journal().unwritten() == 0) {
      try {
        session.journal().flush();
      } catch (IOException e) {
        local.problem("cannot write the upload journal", e);
      }
    }
    synchronized (wake) {
      long until = System.nanoTime() + rescan.toNanos();
      while (!dirty && !stop) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(wake, left);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** The backoff wait: a landed file does not cut it short, only a stop does. */
  private void pause(Duration d) {
    try {
      stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Local trouble (a full disk) is said once per stretch, not once per file. */
  private static final class LocalProblems {
    private final PrintStream out;
    private String last;
    private volatile boolean full;

    LocalProblems(PrintStream out) {
      this.out = out;
    }

    void problem(String what, IOException e) {
      String line = what + ": " + Disks.why(e);
      // A full disk fails every write the same way: one line for the whole stretch.
      String key = Disks.isFull(e) ? "disk full" : line;
      if (!key.equals(last)) {
        out.println("upload: " + line + Disks.hint(e));
        last = key;
      }
      full = Disks.isFull(e);
    }

    void flushOutages(UploadOutages outages) {
      if (outages.unwritten() == 0) {
        return;
      }
      try {
        outages.flush();
      } catch (IOException e) {
        problem("cannot record the upload outage", e);
      }
    }

    void clear(UploadJournal journal) {
      if (journal.unwritten() == 0) {
        full = false;
      }
    }

    /** For the status line while the disk is full. */
    String current() {
      return full ? "disk full" : null;
    }

    void flushJournal(UploadJournal journal) {
      if (journal.unwritten() == 0) {
        return;
      }
      try {
        journal.flush();
        out.println("upload: the journal is written again (space is back)");
        last = null;
        full = false;
      } catch (IOException e) {
        problem("cannot write the upload journal", e);
      }
    }
  }
}
