package org.p2penergy.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import org.p2penergy.home.text.Redact;
import org.p2penergy.store.StoreFailure.Kind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into a {@link StoreFailure} with a one-line message an operator can act
 * on: it names the bucket, the endpoint and the key id, and says where the secret comes from, never
 * what it is.
 */
public final class S3Failures {
  private static final Set<String> BAD_KEYS =
      Set.of(
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "AccessDenied",
          "InvalidToken",
          "ExpiredToken",
          "InvalidSecurity",
          "AllAccessDisabled");

  private final String bucket;
  private final String endpoint;
  private final StoreKeys keys;

  public S3Failures(String bucket, String endpoint, StoreKeys keys) {
    this.bucket = bucket;
    this.endpoint = endpoint;
    this.keys = keys;
  }

  public StoreFailure classify(SdkException e, String key) {
    if (e instanceof AwsServiceException s) {
      return service(s, key);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new StoreFailure(
          Kind.UNREACHABLE, "the store at " + endpoint + " did not answer in time", e);
    }
    Throwable io = ioCause(e);
    if (io != null) {
      return new StoreFailure(
          Kind.UNREACHABLE, "cannot reach the store at " + endpoint + ": " + network(io), e);
    }
    return new StoreFailure(
        Kind.REFUSED, "the request for " + key + " failed: " + oneLine(e.getMessage()), e);
  }

  private StoreFailure service(AwsServiceException s, String key) {
    int status = s.statusCode();
    String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
    String what = (code == null ? "" : code + ", ") + "HTTP " + status;
    if ("NoSuchBucket".equals(code)) {
      return new StoreFailure(
          Kind.NO_BUCKET,
          "bucket " + bucket + " does not exist at " + endpoint + " (" + what + ")",
          s);
    }
    if (BAD_KEYS.contains(code) || (code == null && status == 403)) {
      return new StoreFailure(
          Kind.CREDENTIALS,
          "the store at "
              + endpoint
              + " refused the credentials for bucket "
              + bucket
              + " (access key id "
              + keys.keyId()
              + "): "
              + what
              + "; check the key pair ("
              + keys.secretSource()
              + ")",
          s);
    }
    if ("SlowDown".equals(code) || status == 429 || (status == 503 && code == null)) {
      return new StoreFailure(Kind.THROTTLED, "the store asks to slow down (" + what + ")", s);
    }
    if (status >= 500) {
      return new StoreFailure(Kind.SERVER_ERROR, "the store failed (" + what + ")", s);
    }
    if ("BadDigest".equals(code) || "InvalidDigest".equals(code)) {
      return new StoreFailure(
          Kind.CHANGED, key + " changed while it was sent (" + what + "); sending it again", s);
    }
    String detail =
        s.awsErrorDetails() == null ? null : oneLine(s.awsErrorDetails().errorMessage());
    return new StoreFailure(
        Kind.REFUSED,
        "the store refused "
            + key
            + " in bucket "
            + bucket
            + " ("
            + what
            + (detail == null || detail.isBlank() ? "" : ": " + detail)
            + ")",
        s);
  }

  private static Throwable ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return t;
      }
    }
    return null;
  }

  private static String network(Throwable io) {
    if (io instanceof ConnectException) {
      return "connection refused";
    }
    if (io instanceof UnknownHostException) {
      return "unknown host " + io.getMessage();
    }
    if (io instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (io instanceof SocketTimeoutException) {
      return "timed out";
    }
    return oneLine(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
  }

  private static String oneLine(String text) {
    return text == null ? null : Redact.text(text.lines().findFirst().orElse("").strip());
  }
}
