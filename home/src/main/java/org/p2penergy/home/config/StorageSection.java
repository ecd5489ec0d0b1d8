package org.p2penergy.home.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.p2penergy.home.text.Redact;

/** The {@code storage:} block of a home or community file. */
final class StorageSection {
  // S3 bucket names: 3-63 characters of lower-case letters, digits, dots and dashes.
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private StorageSection() {}

  /**
   * @param base the folder of the file, against which a relative local path is resolved
   */
  static StorageSettings parse(ConfigNode node, Path base) {
    node.rejectUnknownKeys(
        Set.of(
            "url",
            "endpoint",
            "region",
            "path_style",
            "access_key",
            "secret_key",
            "access_key_env",
            "access_key_file",
            "secret_key_env",
            "secret_key_file",
            "keep_local"));
    for (String literal : new String[] {"access_key", "secret_key"}) {
      if (node.has(literal)) {
        throw node.error(
            literal,
            "the key itself must not be in the file; name it with "
                + literal
                + "_env or "
                + literal
                + "_file");
      }
    }
    String url = node.requiredString("url");
    boolean s3 = url.startsWith("s3://");
    if (s3) {
      String bucket = url.substring(5).split("/", 2)[0];
      if (!BUCKET.matcher(bucket).matches()) {
        throw node.error("url", "'" + Redact.text(url) + "' does not name a valid S3 bucket");
      }
    } else if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw node.error(
          "url", "'" + Redact.text(url) + "' is neither s3://bucket/prefix nor a local path");
    } else if (base != null) {
      url = base.resolve(url).normalize().toString();
    }
    Optional<URI> endpoint =
        Optional.ofNullable(node.parsed("endpoint", null, StorageSection::endpoint));
    Optional<SecretSource> accessKey = node.secret("access_key_env", "access_key_file");
    Optional<SecretSource> secretKey = node.secret("secret_key_env", "secret_key_file");
    if (s3 && accessKey.isEmpty()) {
      throw node.error("access_key_env", "missing: an s3:// store needs access_key_env or _file");
    }
    if (s3 && secretKey.isEmpty()) {
      throw node.error("secret_key_env", "missing: an s3:// store needs secret_key_env or _file");
    }
    return new StorageSettings(
        url,
        endpoint,
        node.string("region", StorageSettings.DEFAULT_REGION),
        node.bool("path_style", false),
        accessKey,
        secretKey,
        node.parsed("keep_local", StorageSettings.DEFAULT_KEEP_LOCAL, Durations::parse));
  }

  private static URI endpoint(String text) {
    URI uri = ConfigLoader.httpUri(text);
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "'" + Redact.text(text) + "' must be a plain http(s) URL without user info or query");
    }
    return uri;
  }
}
