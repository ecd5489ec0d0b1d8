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
import org.p2penergy.analytics.job.OutputTables;
import org.p2penergy.analytics.job.ReadingsSchema;
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
      "Runs one Spark SQL query (local mode) and prints the result as a table.",
      "Views: readings (device_id, event, ts, received_at, value, date), daily, hourly, states,"
          + " anomalies (see docs/ARCHITECTURE.md). Timestamps print in UTC."
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
      List<String> views = register(spark, conf);
      err.println("sql: views " + String.join(", ", views));
      err.flush();
      Dataset<Row> result;
      try {
        result = spark.sql(query);
      } catch (Exception e) {
        String message = String.valueOf(e.getMessage());
        throw new UserException(message.lines().findFirst().orElse(message));
      }
      List<Row> rows = result.takeAsList(limit + 1);
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

  private List<String> register(SparkSession spark, Configuration conf) throws Exception {
    List<String> views = new ArrayList<>();
    Path readings = new Path(data, ReadingsSchema.READINGS);
    if (readings.getFileSystem(conf).exists(readings)) {
      spark.read().parquet(readings.toString()).createOrReplaceTempView("readings");
      views.add("readings");
    }
    OutputTables tables = new OutputTables(spark, data, conf);
    for (String table : OutputTables.ALL) {
      Path dir = new Path(tables.path(table));
      if (dir.getFileSystem(conf).exists(dir)) {
        spark.read().parquet(dir.toString()).createOrReplaceTempView(table);
        views.add(table);
      }
    }
    if (views.isEmpty()) {
      throw new UserException(data + ": no readings/ or analytics/ tables to query");
    }
    return views;
  }
}
