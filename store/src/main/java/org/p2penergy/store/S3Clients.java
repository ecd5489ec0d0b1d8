package org.p2penergy.store;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.home.text.Redact;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one S3 client setup of the stages that are not Spark: the AWS SDK v2 on the JDK's HTTP client
 * (no Apache, no Netty: the Pi budget), configured from the {@code storage:} block only. Requests
 * are the plain kind every S3-compatible store takes: the SDK's newer default checksums (CRC32
 * trailers) are only sent where an operation requires them, since several S3-compatible stores
 * refuse them; one quick retry at most inside the SDK (the callers wait with their own backoff).
 */
public final class S3Clients {
  private static final ProfileFile NO_PROFILE =
      ProfileFile.builder()
          .content(new ByteArrayInputStream(new byte[0]))
          .type(ProfileFile.Type.CONFIGURATION)
          .build();

  private S3Clients() {}

  public static S3Client client(StorageSettings settings, StoreKeys keys) {
    S3ClientBuilder b =
        S3Client.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build())
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(keys)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                o ->
                    // One quick retry inside the SDK, for a pooled connection the server had
                    // closed (a PUT cannot be replayed by the JDK client).
                    o.retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(2)
                                .build())
                        .apiCallTimeout(Duration.ofMinutes(10))
                        // Settings come from the storage block only, not from ~/.aws.
                        .defaultProfileFile(NO_PROFILE)
                        .defaultProfileName("default"));
    settings.endpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  /** The endpoint for messages, without user info or query. */
  public static String endpoint(StorageSettings settings) {
    return settings.endpoint().map(Redact::url).orElse("AWS S3 (" + settings.region() + ")");
  }
}
