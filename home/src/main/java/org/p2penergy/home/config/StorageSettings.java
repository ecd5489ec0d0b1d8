package org.p2penergy.home.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where readings go after the local roll, and where a community's job reads and writes: an S3
 * bucket and prefix ({@code s3://bucket/prefix}, any S3-compatible store at {@code endpoint}) or a
 * local folder. The keys are only named here ({@code access_key_env}, ...), never given.
 *
 * @param url {@code s3://bucket[/prefix]}, or a local path (absolute once loaded from a file)
 * @param keepLocal how long a file confirmed in the store stays on the Pi's disk
 */
public record StorageSettings(
    String url,
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    Optional<SecretSource> accessKey,
    Optional<SecretSource> secretKey,
    Duration keepLocal) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_KEEP_LOCAL = Duration.ofDays(7);

  public boolean isS3() {
    return url.startsWith("s3://");
  }

  /** The bucket of an {@code s3://} URL. */
  public String bucket() {
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The key prefix of an {@code s3://} URL without slashes at either end; "" for none. */
  public String prefix() {
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
  }

  /** The object key for a path relative to the data root ({@code readings/home=H/...}). */
  public String key(String relative) {
    return prefix().isEmpty() ? relative : prefix() + "/" + relative;
  }

  /** The root as Spark and Hadoop name it: {@code s3a://bucket/prefix}, or the local path. */
  public String hadoopRoot() {
    return hadoopPath(url);
  }

  /**
   * A data location as Spark and Hadoop name it: an {@code s3://} URL as a storage block writes it
   * becomes {@code s3a://}; anything else (a local path, an {@code s3a://} or other Hadoop URI) is
   * kept.
   */
  public static String hadoopPath(String location) {
    return location.startsWith("s3://")
        ? "s3a://" + location.substring("s3://".length()).replaceAll("/+$", "")
        : location;
  }

  /** The local folder of a local store. */
  public Path localPath() {
    if (isS3()) {
      throw new IllegalStateException("not a local store: " + url);
    }
    return Path.of(url);
  }
}
