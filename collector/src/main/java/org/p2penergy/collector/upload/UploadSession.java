package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.home.layout.DataLayout;

/**
 * Everything one uploader of a data directory holds: the lock, the journal, the store client and
 * the outage record. Opened by {@code collect} (with {@link UploadLoop}) and by {@code upload}.
 */
public final class UploadSession implements AutoCloseable {
  private final UploadLock lock;
  private final UploadJournal journal;
  private final ObjectStore store;
  private final Uploader uploader;
  private final UploadOutages outages;
  private final StorageSettings storage;

  private UploadSession(
      UploadLock lock,
      UploadJournal journal,
      ObjectStore store,
      Uploader uploader,
      UploadOutages outages,
      StorageSettings storage) {
    this.lock = lock;
    this.journal = journal;
    this.store = store;
    this.uploader = uploader;
    this.outages = outages;
    this.storage = storage;
  }

  /**
   * @param homes the homes whose files are sent
   * @param legacyHome the home of the older single-home layout, or null
   * @param store the client; closed with the session
   * @throws UploadLock.HeldException if another process uploads this directory
   * @throws IOException if the journal cannot be read or created
   */
  public static UploadSession open(
      Path data,
      StorageSettings storage,
      List<String> homes,
      String legacyHome,
      ObjectStore store,
      Clock clock,
      Uploader.Events events)
      throws IOException {
    return open(data, storage, homes, legacyHome, store, clock, events, IoFaults.NONE);
  }

  /** With the store's test seam for local writes (the journal, the outage record). */
  public static UploadSession open(
      Path data,
      StorageSettings storage,
      List<String> homes,
      String legacyHome,
      ObjectStore store,
      Clock clock,
      Uploader.Events events,
      IoFaults faults)
      throws IOException {
    UploadLock lock = UploadLock.acquire(data);
    try {
      clearTemp(data);
      UploadJournal journal = UploadJournal.open(data.resolve(DataLayout.uploadJournal()), faults);
      Uploader uploader =
          new Uploader(
              new LocalObjects(data, homes, legacyHome),
              journal,
              store,
              clock,
              storage.keepLocal(),
              events);
      return new UploadSession(
          lock, journal, store, uploader, new UploadOutages(data, homes, faults), storage);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Bodies put together by a run that ended before it sent them. */
  private static void clearTemp(Path data) throws IOException {
    Path tmp = data.resolve(DataLayout.uploadTemp());
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> files = Files.list(tmp)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  public Uploader uploader() {
    return uploader;
  }

  public UploadOutages outages() {
    return outages;
  }

  public UploadJournal journal() {
    return journal;
  }

  public ObjectStore store() {
    return store;
  }

  public StorageSettings storage() {
    return storage;
  }

  @Override
  public void close() throws IOException {
    try {
      store.close();
      journal.close();
    } finally {
      lock.close();
    }
  }
}
