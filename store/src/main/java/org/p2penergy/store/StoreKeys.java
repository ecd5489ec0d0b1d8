package org.p2penergy.store;

import java.util.Map;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.config.StorageSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The store's key pair, read only from the places the {@code storage:} block names (an environment
 * variable or a file each). No other source is looked at: not {@code AWS_ACCESS_KEY_ID}, not {@code
 * ~/.aws}. {@link #reload()} reads them again, so fixing a secret file heals a running collector.
 * {@link #toString()} shows the key id and where the secret comes from, never the secret.
 */
public final class StoreKeys implements AwsCredentialsProvider {
  private final StorageSettings settings;
  private final Map<String, String> env;
  private volatile AwsBasicCredentials current;

  private StoreKeys(StorageSettings settings, Map<String, String> env) {
    this.settings = settings;
    this.env = env;
    this.current = read();
  }

  /**
   * @throws ConfigException naming the variable or file when a key is missing or empty
   */
  public static StoreKeys resolve(StorageSettings settings, Map<String, String> env) {
    return new StoreKeys(settings, env);
  }

  private AwsBasicCredentials read() {
    String id =
        settings
            .accessKey()
            .orElseThrow(() -> new ConfigException("storage.access_key_env: missing"))
            .resolve(env);
    String secret =
        settings
            .secretKey()
            .orElseThrow(() -> new ConfigException("storage.secret_key_env: missing"))
            .resolve(env);
    return AwsBasicCredentials.create(id, secret);
  }

  /** Reads the keys again; keeps the old pair if they cannot be read now. */
  public void reload() {
    try {
      current = read();
    } catch (ConfigException e) {
      // the file is being edited or was removed: the next failure tries again
    }
  }

  /** The access key id: not a secret, it names the key in messages. */
  public String keyId() {
    return current.accessKeyId();
  }

  /** Where the secret comes from ({@code env:NAME} or {@code file:PATH}). */
  public String secretSource() {
    return settings.secretKey().map(Object::toString).orElse("(none)");
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return current;
  }

  @Override
  public String toString() {
    return "key id " + keyId() + ", secret from " + secretSource();
  }
}
