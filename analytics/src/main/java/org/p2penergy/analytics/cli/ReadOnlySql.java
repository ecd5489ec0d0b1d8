package org.p2penergy.analytics.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.p2penergy.home.cli.UserException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Refuses a statement that would write: {@code sql} is for looking, and {@code INSERT OVERWRITE
 * DIRECTORY '/'} from a typo or a pasted snippet must not touch the disk. The statement is parsed
 * (not run) and every node of its plan is checked by kind.
 */
final class ReadOnlySql {
  // Spark's plan nodes for statements that change files, tables, the catalog or the session.
  private static final Pattern WRITES =
      Pattern.compile(
          ".*(Insert|Create|Drop|Alter|Write|Overwrite|Delete|Update|Merge|Truncate|Load|Cache"
              + "|Refresh|Repair|Rename|Replace|SetCommand|SetCatalog|SetNamespace|Reset|AddJar"
              + "|AddFile|AddArchive|AddColumns|Use|Comment|Analyze).*");

  private ReadOnlySql() {}

  static void check(SparkSession spark, String query) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(query);
    } catch (Exception e) {
      throw new UserException(String.valueOf(e.getMessage()));
    }
    Deque<LogicalPlan> todo = new ArrayDeque<>();
    todo.push(plan);
    while (!todo.isEmpty()) {
      LogicalPlan node = todo.pop();
      String kind = node.getClass().getSimpleName();
      if (WRITES.matcher(kind).matches()) {
        throw new UserException(
            "sql is read-only: this statement would write ("
                + kind
                + "); run only queries, or give --allow-writes");
      }
      CollectionConverters.asJava(node.children()).forEach(todo::push);
    }
  }
}
