package org.p2penergy.collector.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CollectorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import legacy-sqlite}: the original project's Flask/SQLite store into readings. */
@Command(
    name = "legacy-sqlite",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Import the original project's SQLite database (table event: id, name, coreid, data,"
          + " productID, public, published_at, ttl, userid, version; published_at UTC as"
          + " 'YYYY-MM-DD HH:MM:SS.ffffff') with the collector's rules: cloud events (spark/*,"
          + " particle/*, hook-*) skipped, exact duplicates stored once, anything unparseable"
          + " quarantined in DATA/quarantine with the row id. Written exactly as collect writes"
          + " (DATA/readings/home=H/date=D/part-*.parquet).",
      "Example:  import legacy-sqlite --data /var/lib/p2penergy events.db"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:imported",
      "1:DATA cannot be written, the event table cannot be read, or an unexpected error",
      "2:bad options, or not the original project's database",
      "4:imported and kept in DATA, but not uploaded to the --config's s3:// store (the line"
          + " says why; send them later with 'upload')"
    })
public final class LegacySqliteImportCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory")
  Path data;

  @Mixin ImportHome home;

  @Option(
      names = "--max-rows-per-file",
      paramLabel = "N",
      description = "rows per Parquet file at most (default ${DEFAULT-VALUE})")
  int maxRowsPerFile = CollectorSettings.DEFAULT_MAX_ROWS_PER_FILE;

  @Parameters(paramLabel = "DATABASE", description = "the SQLite file (opened read-only)")
  Path database;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (maxRowsPerFile < 1) {
      throw new UserException("--max-rows-per-file must be at least 1");
    }
    try {
      System.out.println(
          new LegacySqliteImport(clock, System.err, maxRowsPerFile)
              .run(data, home.id(), database)
              .line());
    } catch (LegacyDatabaseException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException(e.getMessage(), 1);
    } catch (SQLException e) {
      throw new UserException(
          database
              + ": cannot read the event table ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")",
          1);
    }
    return home.upload(data, System.out);
  }
}
