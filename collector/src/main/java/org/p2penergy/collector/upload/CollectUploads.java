package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.store.StoreKeys;

/** What {@code collect} needs to upload as it goes: built once at its start. */
public final class CollectUploads {
  private CollectUploads() {}

  /**
   * The upload loop for an {@code s3://} storage block, not yet started; null without one (a local
   * storage folder is read where it is). The key pair is read now, so that a missing one stops
   * {@code collect} at once with a line naming the variable or file.
   *
   * @param homes the homes the collector writes for
   * @param legacyHome the home of files in the older single-home layout, or null
   * @throws org.p2penergy.home.config.ConfigException when a key cannot be read
   */
  public static UploadLoop loop(
      Path data,
      Optional<StorageSettings> storage,
      List<String> homes,
      String legacyHome,
      Clock clock,
      PrintStream out,
      Map<String, String> env) {
    if (storage.isEmpty() || !storage.get().isS3()) {
      return null;
    }
    StorageSettings s = storage.get();
    StoreKeys.resolve(s, env);
    return new UploadLoop(() -> open(data, s, homes, legacyHome, clock, env), clock, out);
  }

  static UploadSession open(
      Path data,
      StorageSettings s,
      List<String> homes,
      String legacyHome,
      Clock clock,
      Map<String, String> env)
      throws IOException {
    S3Store store = S3Store.open(s, env);
    try {
      return UploadSession.open(data, s, homes, legacyHome, store, clock, Uploader.Events.NONE);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
