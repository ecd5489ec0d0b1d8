package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.store.S3Clients;
import org.p2penergy.store.S3Failures;
import org.p2penergy.store.StoreFailure;
import org.p2penergy.store.StoreFailure.Kind;
import org.p2penergy.store.StoreKeys;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The uploader's S3-compatible store, on the client of {@link S3Clients}: each PUT carries a
 * Content-MD5 the store checks the received bytes against; the upload queue waits with its own
 * backoff and records the outage.
 */
public final class S3Store implements ObjectStore {
  private static final Pattern PLAIN_ETAG = Pattern.compile("[0-9a-f]{32}");
  private final StorageSettings settings;
  private final StoreKeys keys;
  private final S3Client s3;
  private final S3Failures failures;
  private final String endpoint;

  private S3Store(StorageSettings settings, StoreKeys keys, S3Client s3) {
    this.settings = settings;
    this.keys = keys;
    this.s3 = s3;
    this.endpoint = S3Clients.endpoint(settings);
    this.failures = new S3Failures(settings.bucket(), endpoint, keys);
  }

  /**
   * A client for an {@code s3://} storage block; reads the key pair now.
   *
   * @throws org.p2penergy.home.config.ConfigException when a key cannot be read
   */
  public static S3Store open(StorageSettings settings, Map<String, String> env) {
    if (!settings.isS3()) {
      throw new IllegalArgumentException("not an s3:// store: " + settings.url());
    }
    StoreKeys keys = StoreKeys.resolve(settings, env);
    return new S3Store(settings, keys, S3Clients.client(settings, keys));
  }

  public StoreKeys keys() {
    return keys;
  }

  @Override
  public void reloadKeys() {
    keys.reload();
  }

  @Override
  public void put(String key, UploadBody body) throws StoreFailure, IOException {
    String objectKey = settings.key(key);
    PutObjectResponse response;
    try {
      response =
          s3.putObject(
              r ->
                  r.bucket(settings.bucket())
                      .key(objectKey)
                      .contentLength(body.length())
                      .contentMD5(body.md5Base64())
                      .contentType(contentType(key)),
              RequestBody.fromContentProvider(
                  () -> {
                    try {
                      return body.open();
                    } catch (IOException e) {
                      throw new LocalReadException(e);
                    }
                  },
                  body.length(),
                  contentType(key)));
    } catch (SdkException | UncheckedIOException e) {
      LocalReadException local = localCause(e);
      if (local != null) {
        throw local.getCause();
      }
      throw diagnosed(classify(e, key));
    }
    verify(key, objectKey, body, response.eTag());
  }

  /**
   * The store checked the bytes against Content-MD5; its ETag of a single PUT is that MD5. Some
   * stores (AWS with SSE-KMS) answer another ETag: then the size is checked with a HEAD.
   */
  private void verify(String key, String objectKey, UploadBody body, String etag)
      throws StoreFailure {
    String plain = etag == null ? "" : etag.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
    if (PLAIN_ETAG.matcher(plain).matches()) {
      if (!plain.equals(body.md5Hex())) {
        throw new StoreFailure(
            Kind.CHANGED,
            key + ": the store holds other bytes (ETag " + plain + ", sent " + body.md5Hex() + ")",
            null);
      }
      return;
    }
    HeadObjectResponse head;
    try {
      head = s3.headObject(r -> r.bucket(settings.bucket()).key(objectKey));
    } catch (SdkException | UncheckedIOException e) {
      throw classify(e, key);
    }
    if (head.contentLength() == null || head.contentLength() != body.length()) {
      throw new StoreFailure(
          Kind.CHANGED,
          key + ": the store holds " + head.contentLength() + " bytes, sent " + body.length(),
          null);
    }
  }

  @Override
  public void download(String key, long length, Path target) throws StoreFailure, IOException {
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(
            r ->
                r.bucket(settings.bucket()).key(settings.key(key)).range("bytes=0-" + (length - 1)),
            ResponseTransformer.toInputStream())) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (SdkException | UncheckedIOException e) {
      throw classify(e, key);
    } catch (IOException e) {
      if (Disks.isFull(e)) {
        throw e;
      }
      throw classify(new UncheckedIOException(e), key);
    }
    if (Files.size(target) != length) {
      throw new StoreFailure(
          Kind.CHANGED,
          key + ": the store has " + Files.size(target) + " bytes, " + length + " expected",
          null);
    }
  }

  /**
   * A GET of a key that is not expected to exist: "no such key" (or "access denied" to a key
   * allowed only to write) proves the bucket exists and the signature is good; everything else is
   * the failure.
   */
  @Override
  public void probe() throws StoreFailure {
    String key = ".p2penergy-probe";
    try (InputStream in =
        s3.getObject(
            r -> r.bucket(settings.bucket()).key(settings.key(key)),
            ResponseTransformer.toInputStream())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return;
    } catch (UncheckedIOException e) {
      throw classify(e, key);
    } catch (SdkException e) {
      StoreFailure f = failures.classify(e, key);
      if (isDenied(e)) {
        return; // a write-only key: the signature was accepted
      }
      throw f;
    } catch (IOException e) {
      throw new StoreFailure(
          Kind.UNREACHABLE, "cannot read from the store at " + endpoint + ": " + e, e);
    }
  }

  private static boolean isDenied(SdkException e) {
    return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
        && s.awsErrorDetails() != null
        && "AccessDenied".equals(s.awsErrorDetails().errorCode());
  }

  /**
   * A PUT refused before its body was sent can surface as "error writing request body": ask again
   * without a body to learn why (a missing bucket, a bad key), else keep the first reason.
   */
  private StoreFailure diagnosed(StoreFailure f) {
    if (f.kind() != Kind.UNREACHABLE) {
      return f;
    }
    try {
      probe();
      return f;
    } catch (StoreFailure better) {
      return better;
    }
  }

  @Override
  public String describe() {
    return settings.url() + " at " + endpoint;
  }

  @Override
  public void close() {
    s3.close();
  }

  /** A local file of the body could not be read: not the store's fault. */
  private static final class LocalReadException extends UncheckedIOException {
    LocalReadException(IOException cause) {
      super(cause);
    }
  }

  private static LocalReadException localCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LocalReadException l) {
        return l;
      }
    }
    return null;
  }

  /** The HTTP client lets an I/O error through unwrapped at times: a network failure too. */
  private StoreFailure classify(RuntimeException e, String key) {
    SdkException sdk =
        e instanceof SdkException x
            ? x
            : software.amazon.awssdk.core.exception.SdkClientException.create(
                "Unable to execute HTTP request: " + e.getMessage(), e);
    return failures.classify(sdk, key);
  }

  private static String contentType(String key) {
    return key.endsWith(".jsonl") ? "application/x-ndjson" : "application/vnd.apache.parquet";
  }
}
