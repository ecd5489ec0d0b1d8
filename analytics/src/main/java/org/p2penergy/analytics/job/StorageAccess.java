package org.p2penergy.analytics.job;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.p2penergy.home.config.StorageSettings;

/**
 * The {@code storage:} block as s3a settings on the session's Hadoop configuration: endpoint,
 * path-style, region, and the keys read from the environment variables or files the block names.
 * Set on the Hadoop configuration, never on the SparkConf, so the secret reaches no Spark UI, event
 * log or {@code spark-submit} command line; Spark ships the configuration to its tasks itself.
 */
public final class StorageAccess {
  private StorageAccess() {}

  public static void configure(
      Configuration hadoop, StorageSettings storage, Map<String, String> environment) {
    if (!storage.isS3()) {
      return;
    }
    storage
        .endpoint()
        .ifPresent(
            e -> {
              hadoop.set("fs.s3a.endpoint", e.toString());
              hadoop.setBoolean("fs.s3a.connection.ssl.enabled", "https".equals(e.getScheme()));
            });
    hadoop.set("fs.s3a.endpoint.region", storage.region());
    hadoop.setBoolean("fs.s3a.path.style.access", storage.pathStyle());
    hadoop.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    hadoop.set("fs.s3a.access.key", storage.accessKey().orElseThrow().resolve(environment));
    hadoop.set("fs.s3a.secret.key", storage.secretKey().orElseThrow().resolve(environment));
    // Few retries: an unreachable store is reported in seconds, not after minutes of backoff.
    hadoop.setInt("fs.s3a.attempts.maximum", 3);
    hadoop.setInt("fs.s3a.retry.limit", 3);
  }
}
