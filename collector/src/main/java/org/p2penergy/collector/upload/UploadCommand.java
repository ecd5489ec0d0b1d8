package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.DurationConverter;
import org.p2penergy.home.cli.HomeOptions;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.store.StoreFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2penergy upload}: one catch-up of everything local that the store has not confirmed. */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Upload to the config's s3:// store everything in DATA that it has not confirmed yet:"
          + " readings (readings/home=H/date=D/part-*.parquet), quarantine, outages and upload"
          + " outages, also files written before uploads existed and the older single-home layout"
          + " (readings/date=D/, as the config's home). Then delete the local files older than"
          + " storage.keep_local (by their modification time) that the store has confirmed"
          + " unchanged, and exit.",
      "Each file goes to the same key with the same bytes (a second run sends nothing again), is"
          + " checked by the store against its MD5 and confirmed in DATA/state/upload/journal.jsonl."
          + " The keys come only from the storage block's access_key_env/_file and"
          + " secret_key_env/_file. A running collect with this store uploads by itself."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything local is in the store (or nothing was waiting)",
      "1:another process uploads DATA, or an unexpected error",
      "2:bad option or config (no s3:// storage block, a key variable or file missing)",
      "3:the store refused the credentials (names the bucket and the key id)",
      "4:the bucket does not exist",
      "5:the store could not be reached for --give-up-after",
      "6:the store kept failing (5xx, SlowDown) for --give-up-after, or refused a file"
    })
public final class UploadCommand implements Callable<Integer> {
  public static final int BAD_CREDENTIALS = 3;
  public static final int NO_BUCKET = 4;
  public static final int UNREACHABLE = 5;
  public static final int STORE_FAILING = 6;

  @Mixin HomeOptions home;

  @Option(
      names = "--give-up-after",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "keep retrying (backoff with jitter) while the store is unreachable or failing and"
              + " nothing goes through, this long (default: 2m)")
  Duration giveUpAfter = Duration.ofMinutes(2);

  @Option(
      names = "--progress",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "print a progress line this often (default: 5s)")
  Duration progress = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  // Seams for tests: the environment the keys are read from, and the clock.
  Map<String, String> env = System.getenv();
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    HomeConfig config = home.loadConfig();
    Path data = home.dataDir();
    if (!Files.isDirectory(data)) {
      throw new UserException("--data: " + data + " is not a directory");
    }
    StorageSettings storage =
        config
            .storage()
            .orElseThrow(
                () ->
                    new UserException(
                        home.config + " has no storage: block; add one with an s3:// url"));
    if (!storage.isS3()) {
      throw new UserException(
          "storage.url is a local folder ("
              + storage.url()
              + "): nothing to upload, analyze reads it there");
    }
    if (progress.isZero() || giveUpAfter.isZero()) {
      throw new UserException("--progress and --give-up-after must be more than 0");
    }
    try {
      return catchUp(
          config, storage, data, env, spec.commandLine().getOut(), clock, giveUpAfter, progress);
    } catch (UploadLock.HeldException e) {
      throw new UserException(e.getMessage(), 1);
    }
  }

  /**
   * One catch-up of DATA for the config's home (also what an import runs after it lands files).
   *
   * @throws UploadLock.HeldException when another process (a running collect) uploads DATA
   */
  public static int catchUp(
      HomeConfig config,
      StorageSettings storage,
      Path data,
      Map<String, String> env,
      PrintWriter out,
      Clock clock,
      Duration giveUpAfter,
      Duration progress)
      throws IOException, UploadLock.HeldException {
    String id = config.home().id();
    S3Store store = S3Store.open(storage, env);
    UploadSession session;
    try {
      session =
          UploadSession.open(data, storage, List.of(id), id, store, clock, Uploader.Events.NONE);
    } catch (UploadLock.HeldException e) {
      store.close();
      throw e;
    }
    try (session) {
      return new CatchUp(session, out, clock, giveUpAfter, progress).run(id);
    } catch (StoreFailure f) {
      throw new UserException(f.getMessage(), exitCode(f));
    }
  }

  static int exitCode(StoreFailure f) {
    return switch (f.kind()) {
      case CREDENTIALS -> BAD_CREDENTIALS;
      case NO_BUCKET -> NO_BUCKET;
      case UNREACHABLE -> UNREACHABLE;
      default -> STORE_FAILING;
    };
  }
}
