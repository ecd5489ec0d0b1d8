package org.p2penergy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.SecretSource;
import org.p2penergy.home.config.StorageSettings;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3FailuresTest {
  private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY";
  private final S3Failures failures =
      new S3Failures(
          "p2p-energy",
          "http://127.0.0.1:9000",
          StoreKeys.resolve(
              new StorageSettings(
                  "s3://p2p-energy/c",
                  Optional.empty(),
                  "us-east-1",
                  true,
                  Optional.of(SecretSource.fromEnv("K")),
                  Optional.of(SecretSource.fromEnv("S")),
                  StorageSettings.DEFAULT_KEEP_LOCAL),
              Map.of("K", "AKIAEXAMPLE", "S", SECRET)));

  private static S3Exception answer(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
            .build();
  }

  @Test
  void aRefusedSignatureNamesBucketKeyIdAndWhereTheSecretComesFromNeverTheSecret() {
    StoreFailure f = failures.classify(answer(403, "SignatureDoesNotMatch"), "k");
    assertThat(f.kind()).isEqualTo(StoreFailure.Kind.CREDENTIALS);
    assertThat(f.isTransient()).isFalse();
    assertThat(f.getMessage())
        .isEqualTo(
            "the store at http://127.0.0.1:9000 refused the credentials for bucket p2p-energy"
                + " (access key id AKIAEXAMPLE): SignatureDoesNotMatch, HTTP 403; check the key"
                + " pair (env:S)")
        .doesNotContain(SECRET);
  }

  @Test
  void eachAnswerItsKind() {
    assertThat(failures.classify(answer(404, "NoSuchBucket"), "k").kind())
        .isEqualTo(StoreFailure.Kind.NO_BUCKET);
    assertThat(failures.classify(answer(503, "SlowDown"), "k").kind())
        .isEqualTo(StoreFailure.Kind.THROTTLED);
    assertThat(failures.classify(answer(500, "InternalError"), "k").kind())
        .isEqualTo(StoreFailure.Kind.SERVER_ERROR);
    assertThat(failures.classify(answer(400, "BadDigest"), "k").kind())
        .isEqualTo(StoreFailure.Kind.CHANGED);
    StoreFailure skew = failures.classify(answer(403, "RequestTimeTooSkewed"), "k");
    assertThat(skew.kind()).isEqualTo(StoreFailure.Kind.REFUSED);
    assertThat(skew.getMessage()).contains("RequestTimeTooSkewed, HTTP 403: m");
    StoreFailure down =
        failures.classify(
            SdkClientException.create("Unable to execute HTTP request", new ConnectException("x")),
            "k");
    assertThat(down.kind()).isEqualTo(StoreFailure.Kind.UNREACHABLE);
    assertThat(down.isTransient()).isTrue();
    assertThat(down.getMessage())
        .isEqualTo("cannot reach the store at http://127.0.0.1:9000: connection refused");
  }
}
