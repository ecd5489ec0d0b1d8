package org.p2penergy.collector.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.p2penergy.collector.upload.UploadCommand;
import org.p2penergy.collector.upload.UploadLock;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.StorageSettings;
import picocli.CommandLine.Option;

/**
 * Which home an import writes for: {@code --config} (its home.id) or {@code --home ID}; and, when
 * that config has an {@code s3://} storage block, the upload of what the import landed.
 */
public final class ImportHome {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "the home's p2penergy.yaml: readings go to its home.id, and to its s3:// store when it"
              + " has one")
  Path config;

  @Option(
      names = "--home",
      paramLabel = "ID",
      description = "or the home id itself (default: " + Home.DEFAULT_ID + ")")
  String home;

  @Option(
      names = "--no-upload",
      description = "keep the imported files local even when the config has an s3:// store")
  boolean noUpload;

  /** Exit code: the readings are imported and kept in DATA, but not in the store yet. */
  public static final int NOT_UPLOADED = 4;

  private HomeConfig loaded;

  String id() {
    if (config != null && home != null) {
      throw new UserException("give --config or --home, not both");
    }
    if (config != null) {
      return loaded().home().id();
    }
    if (home != null && !Home.isValidId(home)) {
      throw new UserException(
          "--home: '" + home + "' is not a home id (lower-case letters, digits and dashes)");
    }
    return home == null ? Home.DEFAULT_ID : home;
  }

  /**
   * Sends what DATA holds and the config's store has not confirmed (the import's files first among
   * them), as {@code upload} would; nothing without an s3:// store. A failed upload keeps every
   * file local and says how to send it later.
   *
   * @return the exit code: 0, or {@link #NOT_UPLOADED}
   */
  int upload(Path data, PrintStream out) {
    Optional<StorageSettings> s3 =
        config == null || noUpload
            ? Optional.empty()
            : loaded().storage().filter(StorageSettings::isS3);
    if (s3.isEmpty()) {
      return 0;
    }
    PrintWriter writer = new PrintWriter(out, true);
    try {
      int code =
          UploadCommand.catchUp(
              loaded(),
              s3.get(),
              data,
              System.getenv(),
              writer,
              Clock.systemUTC(),
              Duration.ofMinutes(2),
              Duration.ofSeconds(5));
      writer.flush();
      return code == 0 ? 0 : NOT_UPLOADED;
    } catch (UploadLock.HeldException e) {
      out.println(
          "import: another process (collect or upload) is uploading DATA: the imported files wait"
              + " for the next upload of home "
              + loaded().home().id());
      return 0;
    } catch (UserException | ConfigException | IOException e) {
      throw new UserException(
          "the readings are imported and kept in DATA, not uploaded: "
              + e.getMessage()
              + "; send them later with 'p2penergy upload'",
          NOT_UPLOADED);
    }
  }

  private HomeConfig loaded() {
    if (loaded == null) {
      loaded = ConfigLoader.load(config);
    }
    return loaded;
  }
}
