package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.p2penergy.home.layout.DataLayout;

/**
 * The four output tables under DATA/analytics, partitioned by home and local date ({@code
 * analytics/<table>/home=H/date=D/}). A run writes its rows beside the tables first and then swaps
 * them in, home-date by home-date, so a re-run replaces its dates and never appends. Readers use
 * the schemas here, never inference: an empty table is still a table, and a home id of digits stays
 * text.
 */
public final class OutputTables {
  public static final String DAILY = DataLayout.DAILY;
  public static final String HOURLY = DataLayout.HOURLY;
  public static final String STATES = DataLayout.STATES;
  public static final String ANOMALIES = DataLayout.ANOMALIES;
  public static final List<String> ALL = List.of(DAILY, HOURLY, STATES, ANOMALIES);

  static final StructType DAILY_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("kwh", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType)
          .add("peak_w", DataTypes.DoubleType)
          .add("mean_w", DataTypes.DoubleType)
          .add("standby_w", DataTypes.DoubleType)
          .add("standby_kwh", DataTypes.DoubleType)
          .add("standby_cost", DataTypes.DoubleType)
          .add("on_seconds", DataTypes.DoubleType)
          .add("readings", DataTypes.LongType)
          .add("coverage", DataTypes.DoubleType)
          .add("gaps", DataTypes.IntegerType)
          .add("cycles", DataTypes.IntegerType)
          .add("duplicates", DataTypes.LongType)
          .add("out_of_range", DataTypes.LongType);
  static final StructType HOURLY_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("hour", DataTypes.IntegerType)
          .add("start", DataTypes.TimestampType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("kwh", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType);
  static final StructType STATES_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("state", DataTypes.StringType)
          .add("seconds", DataTypes.DoubleType)
          .add("kwh", DataTypes.DoubleType)
          .add("entries", DataTypes.IntegerType);
  static final StructType ANOMALIES_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("start", DataTypes.TimestampType)
          .add("end", DataTypes.TimestampType)
          .add("kind", DataTypes.StringType)
          .add("detail", DataTypes.StringType);

  private final SparkSession spark;
  private final String dataDir;
  private final Configuration conf;
  private final String run;

  /** The tables of {@code dataDir}, written by run {@code run} (a unique name of this job). */
  public OutputTables(SparkSession spark, String dataDir, Configuration conf, String run) {
    this.spark = spark;
    this.dataDir = dataDir;
    this.conf = conf;
    this.run = run;
  }

  /** {@code DATA/analytics/<table>}: every home's partitions. */
  public static String path(String dataDir, String table) {
    return new Path(dataDir, DataLayout.tableRoot(table)).toString();
  }

  public String path(String table) {
    return path(dataDir, table);
  }

  /** The schema a table is read with (partition columns home and date included). */
  public static StructType schema(String table) {
    return switch (table) {
      case DAILY -> DAILY_SCHEMA;
      case HOURLY -> HOURLY_SCHEMA;
      case STATES -> STATES_SCHEMA;
      case ANOMALIES -> ANOMALIES_SCHEMA;
      default -> throw new IllegalArgumentException("no table " + table);
    };
  }

  /** Where this run writes a table before the swap: {@code analytics/_staging/<run>/<table>}. */
  private Path staging(String table) {
    return new Path(new Path(dataDir, DataLayout.ANALYTICS + "/_staging/" + run), table);
  }

  /**
   * Writes the run's rows of a table beside the table (one file per home and date), not yet visible
   * to readers: {@link #replace} puts them in place.
   */
  public void stage(String table, Dataset<Row> rows) {
    rows.repartition(col("home"), col("date"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("home", "date")
        .parquet(staging(table).toString());
  }

  /** Stages the peer comparison, {@code analytics/peers/date=D/} (no home: it names none). */
  public void stagePeers(Dataset<Row> rows) {
    rows.repartition(col("date"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("date")
        .parquet(staging(DataLayout.PEERS).toString());
  }

  /**
   * Puts every staged partition of the run in place of the old one, for each home and date of the
   * run, and deletes the old partition of a home-date that has no rows this time (a re-run that
   * finds no anomaly leaves none behind). Per home and date a reader sees the old partition or the
   * new one, never a mix of their files. Renames run on a few threads: on an object store each is a
   * copy.
   */
  public void replace(List<String> homes, LocalDate from, LocalDate to, boolean peers)
      throws IOException {
    FileSystem fs = new Path(dataDir).getFileSystem(conf);
    Path old = new Path(dataDir, DataLayout.ANALYTICS + "/_staging/" + run + "/_old");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String table : ALL) {
        for (String home : homes) {
          work.add(pool.submit(() -> replace(fs, table, home, from, to, old)));
        }
      }
      if (peers) {
        // Only a community run compares: a one-home run leaves the community's peers alone.
        work.add(pool.submit(() -> replacePeers(fs, from, to, old)));
      }
      for (Future<?> w : work) w.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while replacing the run's partitions");
    } catch (ExecutionException e) {
      throw new IOException(
          "cannot replace the run's partitions: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Path staging = new Path(dataDir, DataLayout.ANALYTICS + "/_staging");
    fs.delete(new Path(staging, run), true);
    FileStatus[] left = fs.exists(staging) ? fs.listStatus(staging) : new FileStatus[0];
    if (left.length == 0) {
      fs.delete(staging, true); // no other run left anything: no empty folder either
    }
  }

  private Void replace(
      FileSystem fs, String table, String home, LocalDate from, LocalDate to, Path old)
      throws IOException {
    DataLayout layout = DataLayout.of(home);
    Path staged = new Path(staging(table), DataLayout.homePartition(home));
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      swap(
          fs,
          new Path(staged, DataLayout.datePartition(d)),
          new Path(dataDir, layout.table(table, d)),
          new Path(new Path(new Path(old, table), home), d.toString()));
    }
    return null;
  }

  private Void replacePeers(FileSystem fs, LocalDate from, LocalDate to, Path old)
      throws IOException {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      swap(
          fs,
          new Path(staging(DataLayout.PEERS), DataLayout.datePartition(d)),
          new Path(dataDir, DataLayout.peers(d)),
          new Path(new Path(old, DataLayout.PEERS), d.toString()));
    }
    return null;
  }

  /** The new partition in place of the old (moved to {@code away} first); none: the old goes. */
  private static void swap(FileSystem fs, Path fresh, Path target, Path away) throws IOException {
    if (!fs.exists(fresh)) {
      fs.delete(target, true);
      return;
    }
    if (fs.exists(target)) {
      fs.mkdirs(away.getParent());
      if (!fs.rename(target, away)) throw new IOException("cannot move " + target + " away");
    }
    fs.mkdirs(target.getParent());
    if (!fs.rename(fresh, target)) throw new IOException("cannot move " + fresh + " in place");
  }

  /**
   * Moves partitions written before homes had ids ({@code analytics/<table>/date=D}) under {@code
   * home}, so every table has one layout (Spark refuses a folder with two); returns how many.
   */
  public int adoptLegacyPartitions(String home) throws IOException {
    int moved = 0;
    for (String table : ALL) {
      Path dir = new Path(path(table));
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) continue;
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith("date=")) continue;
        Path target = new Path(new Path(dataDir, DataLayout.of(home).table(table)), name);
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
          fs.delete(status.getPath(), true); // the new layout's partition is the newer one
        } else if (!fs.rename(status.getPath(), target)) {
          throw new IOException("cannot move " + status.getPath() + " to " + target);
        }
        moved++;
      }
    }
    return moved;
  }

  /**
   * The daily totals of the run's homes in [from, to] already written: history, read as data (a
   * small table, one row per appliance-day, joined by home on the executors).
   */
  public Dataset<Row> history(Dataset<Row> homes, LocalDate from, LocalDate to) {
    return read(spark, dataDir, DAILY)
        .where(col("date").between(lit(from), lit(to)))
        .join(homes.select("home"), "home")
        .select("home", "date", "device_id", "appliance", "kwh", "cost");
  }

  /** What the peer comparison needs of the days before a run: their daily rows, as data. */
  public Dataset<Row> peerHistory(Dataset<Row> homes, LocalDate from, LocalDate to) {
    return read(spark, dataDir, DAILY)
        .where(col("date").between(lit(from), lit(to)))
        .join(homes.select("home"), "home")
        .select(
            "home",
            "date",
            "device_id",
            "kind",
            "coverage",
            "kwh",
            "standby_w",
            "on_seconds",
            "cycles");
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /** A table as written, with its schema (an empty or missing table reads as no rows). */
  public static Dataset<Row> read(SparkSession spark, String dataDir, String table) {
    StructType schema = schema(table);
    Path dir = new Path(path(dataDir, table));
    try {
      if (!dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir)) {
        return spark.createDataFrame(List.of(), schema);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return spark.read().schema(schema).option("basePath", dir.toString()).parquet(dir.toString());
  }
}
