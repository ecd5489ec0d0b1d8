package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.p2penergy.collector.upload.JournalEntry.Source;
import org.p2penergy.collector.upload.LocalObjects.LocalObject;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.store.StoreFailure;

/**
 * The upload engine, used from one thread: finds what waits (every local object whose files are not
 * as the journal last confirmed them), sends one object at a time with its MD5, records the
 * confirmation, and deletes local copies confirmed long enough ago ({@code storage.keep_local}).
 *
 * <p>A side file grows during its day: it is sent up to its last complete line, and again when it
 * has grown. If retention deleted one and the collector writes that day's file again later (an
 * outage recorded long after it began), the new lines are sent after the bytes already in the
 * store, so nothing the store held is lost. A file not confirmed is never deleted.
 */
public final class Uploader {
  /** An object that waits: what to send now. */
  public record Waiting(String key, List<Source> sources, long base, long bytes, long oldest) {}

  /** What an upload pass tells its owner. */
  public interface Events {
    Events NONE = new Events() {};

    default void confirmed(String key, long bytes) {}

    default void deleted(String key, long bytes) {}
  }

  private final Path data;
  private final LocalObjects objects;
  private final UploadJournal journal;
  private final ObjectStore store;
  private final Clock clock;
  private final Duration keepLocal;
  private final Events events;

  public Uploader(
      LocalObjects objects,
      UploadJournal journal,
      ObjectStore store,
      Clock clock,
      Duration keepLocal,
      Events events) {
    this.data = objects.dataDir();
    this.objects = objects;
    this.journal = journal;
    this.store = store;
    this.clock = clock;
    this.keepLocal = keepLocal;
    this.events = events;
  }

  public UploadJournal journal() {
    return journal;
  }

  public ObjectStore store() {
    return store;
  }

  /** Every object that waits, the oldest first. */
  public List<Waiting> waiting() throws IOException {
    List<Waiting> out = new ArrayList<>();
    for (LocalObject o : objects.list()) {
      List<Source> now = snapshot(o.key(), o.files());
      if (now.isEmpty()) {
        continue;
      }
      JournalEntry e = journal.get(o.key());
      long base;
      if (e == null) {
        base = 0;
      } else if (e.sources().equals(now)) {
        if (e.gone()) {
          deleteSources(e); // retention recorded the delete, then the process ended
        }
        continue;
      } else {
        // Grown or rewritten; a side file written again after retention goes after the old bytes.
        base = e.gone() ? (JournalEntry.isLines(o.key()) ? e.length() : 0) : e.base();
      }
      long bytes = now.stream().mapToLong(Source::length).sum();
      long oldest = now.stream().mapToLong(Source::modifiedMillis).min().orElse(0);
      out.add(new Waiting(o.key(), now, base, bytes, oldest));
    }
    out.sort(Comparator.comparingLong(Waiting::oldest).thenComparing(Waiting::key));
    return out;
  }

  /**
   * Sends one object and records it as confirmed.
   *
   * @throws StoreFailure when the store did not take or confirm it (it still waits)
   * @throws IOException when a local file cannot be read, or the confirmation cannot be written yet
   *     (disk full: it is known, and written when space returns)
   */
  public void send(Waiting w) throws StoreFailure, IOException {
    List<UploadBody.Part> parts = new ArrayList<>();
    Path base = null;
    try {
      if (w.base() > 0) {
        base = temp(w.key());
        store.download(w.key(), w.base(), base);
        parts.add(new UploadBody.Part(base, w.base()));
      }
      for (Source s : w.sources()) {
        parts.add(new UploadBody.Part(data.resolve(s.path()), s.length()));
      }
      UploadBody body = UploadBody.of(parts);
      store.put(w.key(), body);
      try {
        journal.record(
            new JournalEntry(
                w.key(),
                false,
                body.length(),
                body.md5Hex(),
                w.base(),
                w.sources(),
                clock.instant()));
      } catch (IOException e) {
        throw new UnrecordedException(e);
      }
      events.confirmed(w.key(), body.length());
    } finally {
      if (base != null) {
        Files.deleteIfExists(base);
      }
    }
  }

  /**
   * Deletes the local files of every object confirmed unchanged whose files are all older than
   * {@code keep_local}; the delete is journaled first, so a side file written again later is
   * recognised as new.
   *
   * @return the files deleted
   * @throws IOException when the journal cannot be written (disk full): nothing more is deleted
   */
  public int retention() throws IOException {
    long cutoff = clock.instant().minus(keepLocal).toEpochMilli();
    int deleted = 0;
    List<String> forget = new ArrayList<>();
    for (JournalEntry e : journal.entries()) {
      if (e.gone()
          || e.sources().isEmpty()
          || !e.sources().stream().allMatch(s -> s.modifiedMillis() < cutoff)) {
        continue;
      }
      List<String> files = e.sources().stream().map(Source::path).toList();
      if (!snapshot(e.key(), files).equals(e.sources())) {
        continue; // changed since it was confirmed: it waits, and is not deleted
      }
      journal.recordDurably(e.deleted(clock.instant())); // before the delete, or no delete
      deleted += deleteSources(e);
      events.deleted(e.key(), e.length());
      if (!JournalEntry.isLines(e.key())) {
        forget.add(e.key()); // a Parquet name is never written again
      }
    }
    if (!forget.isEmpty()) {
      journal.forget(forget);
    }
    return deleted;
  }

  private int deleteSources(JournalEntry e) throws IOException {
    int n = 0;
    for (Source s : e.sources()) {
      if (Files.deleteIfExists(data.resolve(s.path()))) {
        n++;
      }
    }
    return n;
  }

  /**
   * The files as they are now: size and time; a side file up to its last complete line (it may be
   * appended to right now). Missing and empty files are left out.
   */
  List<Source> snapshot(String key, List<String> files) throws IOException {
    List<Source> out = new ArrayList<>();
    for (String f : files) {
      Path p = data.resolve(f);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue;
      }
      if (!a.isRegularFile()) {
        continue;
      }
      long length = JournalEntry.isLines(key) ? completeLines(p, a.size()) : a.size();
      if (length > 0) {
        out.add(new Source(f, length, a.lastModifiedTime().toMillis()));
      }
    }
    return out;
  }

  /** The length up to and with the last newline within the first {@code size} bytes. */
  static long completeLines(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      byte[] buf = new byte[4096];
      long end = Math.min(size, f.length());
      while (end > 0) {
        int n = (int) Math.min(buf.length, end);
        f.seek(end - n);
        f.readFully(buf, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (buf[i] == '\n') {
            return end - n + i + 1;
          }
        }
        end -= n;
      }
      return 0;
    } catch (java.io.FileNotFoundException e) {
      return 0;
    }
  }

  private Path temp(String key) throws IOException {
    Path dir = data.resolve(DataLayout.uploadTemp());
    Files.createDirectories(dir);
    return dir.resolve(key.replace('/', '_') + ".base");
  }
}
