package org.p2penergy.reports.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.reports.pdf.ReportException;
import org.p2penergy.reports.summary.SummaryUnavailableException;
import org.p2penergy.store.S3Clients;
import org.p2penergy.store.S3Failures;
import org.p2penergy.store.StoreKeys;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A community whose analyze writes to an {@code s3://} store: each summary a report needs is
 * fetched into the working folder just before it is rendered (so a date analyze replaced is never
 * reported from an old copy), and each PDF is put back at {@code reports/H/D/report-P.pdf} beside
 * its summary, checked by the store against its Content-MD5.
 */
final class S3Reports implements ReportStore {
  private final StorageSettings storage;
  private final Path folder;
  private final boolean temporary;
  private final S3Client s3;
  private final S3Failures failures;

  /** The summaries fetched in this run: a week and a month ending the same day fetch them once. */
  private final Set<String> fetched = new HashSet<>();

  private S3Reports(StorageSettings storage, Path folder, boolean temporary, StoreKeys keys) {
    this.storage = storage;
    this.folder = folder;
    this.temporary = temporary;
    this.s3 = S3Clients.client(storage, keys);
    this.failures = new S3Failures(storage.bucket(), S3Clients.endpoint(storage), keys);
  }

  static S3Reports open(StorageSettings storage, Path workingFolder, Map<String, String> env) {
    StoreKeys keys;
    try {
      keys = StoreKeys.resolve(storage, env);
    } catch (ConfigException e) {
      throw new UserException(e.getMessage());
    }
    try {
      if (workingFolder == null) {
        return new S3Reports(storage, Files.createTempDirectory("p2penergy-reports-"), true, keys);
      }
      return new S3Reports(storage, Files.createDirectories(workingFolder), false, keys);
    } catch (IOException e) {
      throw new UserException("cannot make the working folder " + workingFolder + ": " + e);
    }
  }

  @Override
  public Path folder() {
    return folder;
  }

  @Override
  public String analyzeData() {
    return storage.url();
  }

  @Override
  public void fetch(String home, List<LocalDate> days) {
    for (LocalDate day : days) {
      String relative = DataLayout.of(home).summary(day);
      if (fetched.add(relative)) {
        fetchOne(relative);
      }
    }
  }

  private void fetchOne(String relative) {
    Path local = folder.resolve(relative);
    try (InputStream in =
        s3.getObject(
            r -> r.bucket(storage.bucket()).key(storage.key(relative)),
            ResponseTransformer.toInputStream())) {
      Files.createDirectories(local.getParent());
      AtomicFiles.write(local, in.readAllBytes());
    } catch (NoSuchKeyException e) {
      deleteLocal(local);
    } catch (SdkException e) {
      fetched.remove(relative);
      throw new SummaryUnavailableException(
          "cannot read " + where(relative) + ": " + failures.classify(e, relative).getMessage());
    } catch (IOException | UncheckedIOException e) {
      fetched.remove(relative);
      throw new SummaryUnavailableException("cannot read " + where(relative) + ": " + e);
    }
  }

  private static void deleteLocal(Path local) {
    try {
      Files.deleteIfExists(local);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String publish(String home, Path pdf) {
    String relative = folder.relativize(pdf).toString().replace('\\', '/');
    try {
      byte[] bytes = Files.readAllBytes(pdf);
      s3.putObject(
          r ->
              r.bucket(storage.bucket())
                  .key(storage.key(relative))
                  .contentType("application/pdf")
                  .contentMD5(md5(bytes)),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new ReportException(
          pdf
              + " was rendered but not stored at "
              + where(relative)
              + ": "
              + failures.classify(e, relative).getMessage());
    } catch (IOException e) {
      throw new ReportException("cannot read " + pdf + ": " + e);
    }
    return where(relative);
  }

  private String where(String relative) {
    return "s3://" + storage.bucket() + "/" + storage.key(relative);
  }

  private static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  @Override
  public void close() {
    s3.close();
    if (temporary) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a temp folder left behind is the system's to clean
      }
    }
  }
}
