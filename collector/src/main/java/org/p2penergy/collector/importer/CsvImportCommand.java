package org.p2penergy.collector.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.layout.DataLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import csv}: power traces from CSV files into readings, one device per run. */
@Command(
    name = "csv",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Import CSV power traces as readings of one device.",
      "Written exactly as the collector writes them (DATA/readings/home=H/date=D/part-*.parquet,"
          + " through a spool in DATA/spool/import). Bad rows go to"
          + " DATA/quarantine/home=H/YYYY-MM-DD.jsonl with their file and line; they never stop the"
          + " import. Columns are 1-based numbers (a leading + is accepted) or header names.",
      "A bad row is one that is not UTF-8 text, is longer than 4096 bytes, has too few"
          + " columns, a bad time, a value that is not a number (or longer than 64 characters), or"
          + " a value outside the physical range |value| <= 1,000,000 ('value out of physical"
          + " range', as for the stream)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:imported (some rows may be quarantined)",
      "1:DATA cannot be written (disk full, permissions), or an unexpected error",
      "2:bad options, a FILE missing or a directory, a named column not in the header",
      "3:nothing imported: every row was quarantined, or the files hold no rows",
      "4:imported and kept in DATA, but not uploaded to the --config's s3:// store (the line"
          + " says why; send them later with 'upload')"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  p2penergy import csv --data DATA --device fridge --preset tracebase \\",
      "      dev_599393_2012.01.11.csv",
      "  p2penergy import csv --data DATA --device fridge --delimiter ';' --no-header \\",
      "      --time-format 'dd/MM/yyyy HH:mm:ss' --zone Europe/Berlin dev_599393_2012.01.11.csv",
      "  p2penergy import csv --data DATA --device b1e --time-column unix_ts \\",
      "      --time-format epoch-seconds --value-column P Electricity_B1E.csv"
    })
public final class CsvImportCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory")
  Path data;

  @Mixin ImportHome home;

  @Option(
      names = "--device",
      required = true,
      paramLabel = "ID",
      description = "device_id of the readings")
  String device;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "start from a known layout: tracebase (no header, ';', dd/MM/yyyy HH:mm:ss,"
              + " Europe/Berlin, column 2) or ampds2 (header, ',', unix_ts epoch-seconds, P);"
              + " the options below override it")
  String preset;

  @Option(names = "--delimiter", paramLabel = "C", description = "field separator (default ,)")
  String delimiter;

  @Option(names = "--no-header", description = "the first line is data, not column names")
  boolean noHeader;

  @Option(
      names = "--time-column",
      paramLabel = "N|NAME",
      description = "column of the time (default 1)")
  String timeColumn;

  @Option(
      names = "--time-format",
      paramLabel = "FORMAT",
      description =
          "epoch-seconds, epoch-millis, iso, or a pattern like 'dd/MM/yyyy HH:mm:ss' (default iso)")
  String timeFormat;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "zone of times written without an offset (default UTC)")
  String zone;

  @Option(
      names = "--value-column",
      paramLabel = "N|NAME",
      description = "column of the value (default 2)")
  String valueColumn;

  @Option(
      names = "--event",
      paramLabel = "NAME",
      defaultValue = "power",
      description = "event name of the readings (default ${DEFAULT-VALUE})")
  String event;

  @Option(
      names = "--max-rows-per-file",
      paramLabel = "N",
      description = "rows per Parquet file at most (default ${DEFAULT-VALUE})")
  int maxRowsPerFile = CollectorSettings.DEFAULT_MAX_ROWS_PER_FILE;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files")
  List<Path> files;

  // Collaborators; tests replace them.
  Clock clock = Clock.systemUTC();
  PrintStream out = System.out;
  PrintStream progress = System.err;

  /** Exit code when no reading at all was imported (every row quarantined, or none there). */
  static final int NOTHING_IMPORTED = 3;

  @Override
  public Integer call() {
    CsvTraceFormat format = format();
    for (Path f : files) {
      if (Files.isDirectory(f)) throw new UserException("is a directory, not a CSV file: " + f);
      if (!Files.exists(f)) throw new UserException("no such file: " + f);
      if (!Files.isRegularFile(f)) throw new UserException("not a regular file: " + f);
    }
    if (maxRowsPerFile < 1) throw new UserException("--max-rows-per-file must be at least 1");
    CsvImport importer =
        new CsvImport(format, home.id(), device, event, clock, progress, maxRowsPerFile);
    CsvImport.Summary summary;
    try {
      summary = importer.run(data, files);
    } catch (IOException e) {
      throw new UserException(e.getMessage(), 1);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    out.println(summary.line());
    if (summary.readingsWritten() == 0) throw new UserException(nothing(summary), NOTHING_IMPORTED);
    return home.upload(data, out);
  }

  /** Why nothing was imported, in one line, with where to look. */
  private String nothing(CsvImport.Summary s) {
    if (s.rowsRead() == 0) {
      return "nothing imported: "
          + (files.size() == 1 ? "the file holds" : "the files hold")
          + " no rows";
    }
    String reason = s.mainReason();
    String hint =
        reason != null && reason.startsWith("expected at least")
            ? "; is the delimiter right (--delimiter, --preset)?"
            : "";
    return "nothing imported: "
        + (s.rowsRead() == 1 ? "the only row was" : "all " + s.rowsRead() + " rows were")
        + " quarantined (mostly: "
        + reason
        + ") in "
        + data.resolve(DataLayout.of(home.id()).quarantine())
        + hint;
  }

  CsvTraceFormat format() {
    CsvTraceFormat base =
        switch (preset == null ? "" : preset) {
          case "" -> new CsvTraceFormat(',', true, "1", TimeFormat.of("iso"), ZoneOffset.UTC, "2");
          case "tracebase" -> CsvTraceFormat.tracebase();
          case "ampds2" -> CsvTraceFormat.ampds2();
          default ->
              throw new UserException("unknown --preset '" + preset + "' (tracebase or ampds2)");
        };
    try {
      return new CsvTraceFormat(
          delimiter == null ? base.delimiter() : delimiter(delimiter),
          !noHeader && base.header(),
          timeColumn == null ? base.timeColumn() : timeColumn,
          timeFormat == null ? base.timeFormat() : TimeFormat.of(timeFormat),
          zone == null ? base.zone() : ZoneId.of(zone),
          valueColumn == null ? base.valueColumn() : valueColumn);
    } catch (DateTimeException e) {
      throw new UserException("--zone: unknown zone '" + zone + "'");
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static char delimiter(String text) {
    String d = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
    if (d.length() != 1) throw new UserException("--delimiter must be one character: " + text);
    return d.charAt(0);
  }
}
