package org.p2penergy.analytics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.job.InputFiles;
import org.p2penergy.analytics.job.OutputTables;
import org.p2penergy.analytics.job.ReadingsInput;
import org.p2penergy.analytics.job.SparkSessions;
import org.p2penergy.home.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sql}: ad-hoc Spark SQL over the readings and the analytics outputs. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one Spark SQL query (local mode) and prints the result as a table. Read-only: a"
          + " statement that writes (INSERT, CREATE, DROP, SET, ...) is refused unless"
          + " --allow-writes is given.",
      "Views: readings (device_id, event, ts, received_at, value, home, date), daily, hourly,"
          + " states, anomalies (see docs/ARCHITECTURE.md). Readings files that analyze leaves"
          + " out (unreadable, not a readings schema) are left out here too, and named."
          + " Timestamps print in UTC."
    })
public final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "data directory (a local path or a Hadoop URI)")
  String data;

  @Option(
      names = "--limit",
      defaultValue = "100",
      paramLabel = "N",
      description = "print at most N rows (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(
      names = "--truncate",
      defaultValue = "0",
      paramLabel = "CHARS",
      description = "cut cells longer than CHARS; 0 never cuts (default: ${DEFAULT-VALUE})")
  int truncate;

  @Option(
      names = "--allow-writes",
      description = "let the statement write (INSERT, CREATE TABLE, ...): off by default")
  boolean allowWrites;

  @Parameters(index = "0", paramLabel = "QUERY", description = "e.g. \"SELECT * FROM daily\"")
  String query;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new UserException("--limit must be at least 1");
    }
    DataDir.checkLocal(data, null);
    PrintWriter err = spec.commandLine().getErr();
    try (SparkSession spark = SparkSessions.create("p2penergy sql")) {
      SparkSessions.configureForJob(spark);
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      DataDir.check(data, conf);
      if (!allowWrites) {
        ReadOnlySql.check(spark, query);
      }
      List<String> views = register(spark, conf, err);
      err.println("sql: views " + String.join(", ", views));
      err.flush();
      Dataset<Row> result;
      List<Row> rows;
      try {
        result = spark.sql(query);
        rows = result.takeAsList(limit + 1);
      } catch (Exception e) {
        // Spark's messages may start with a blank line; Cli prints the first line that says
        // something.
        throw new UserException(String.valueOf(e.getMessage()));
      }
      boolean more = rows.size() > limit;
      new TablePrinter(truncate)
          .print(
              spec.commandLine().getOut(),
              result.columns(),
              more ? rows.subList(0, limit) : rows,
              more);
    }
    return 0;
  }

  private List<String> register(SparkSession spark, Configuration conf, PrintWriter err)
      throws Exception {
    List<String> views = new ArrayList<>();
    // The files analyze would read, checked the same way: the same rows in both.
    InputFiles.Scan scan = InputFiles.scanAll(data, conf);
    for (InputFiles.Unreadable u : scan.unreadable()) {
      err.println("sql: readings file left out: " + u.path() + " (" + u.reason() + ")");
    }
    if (!scan.files().isEmpty() || scan.partitions() > 0) {
      ReadingsInput.loadWithPartitions(spark, scan.files()).createOrReplaceTempView("readings");
      views.add("readings");
    }
    for (String table : OutputTables.ALL) {
      Path dir = new Path(OutputTables.path(data, table));
      if (dir.getFileSystem(conf).exists(dir)) {
        OutputTables.read(spark, data, table).createOrReplaceTempView(table);
        views.add(table);
      }
    }
    if (views.isEmpty()) {
      throw new UserException(data + ": no readings/ or analytics/ tables to query");
    }
    return views;
  }
}
