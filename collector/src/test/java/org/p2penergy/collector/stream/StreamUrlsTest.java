package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.ConfigLoader;

class StreamUrlsTest {
  @Test
  void prefixIsAPathSegmentOnEveryStreamPath() {
    assertThat(
            StreamUrls.stream(
                URI.create("https://api.particle.io/v1/devices/events"), Optional.of("power")))
        .isEqualTo(URI.create("https://api.particle.io/v1/devices/events/power"));
    assertThat(
            StreamUrls.stream(
                URI.create("http://127.0.0.1:8080/v1/products/my-product/events/"),
                Optional.of("Apparent Power")))
        .isEqualTo(
            URI.create("http://127.0.0.1:8080/v1/products/my-product/events/Apparent%20Power"));
    URI plain = URI.create("https://api.particle.io/v1/devices/34003d000547363332363639/events");
    assertThat(StreamUrls.stream(plain, Optional.empty())).isEqualTo(plain);
  }

  @Test
  void deviceListIsOnTheSameHost() {
    assertThat(StreamUrls.devices(URI.create("http://127.0.0.1:9/v1/events/power")))
        .isEqualTo(URI.create("http://127.0.0.1:9/v1/devices"));
    assertThat(StreamUrls.devices(URI.create("https://proxy.example/particle/v1/devices/events")))
        .isEqualTo(URI.create("https://proxy.example/particle/v1/devices"));
  }

  @Test
  void aTokenInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () ->
                ConfigLoader.streamUri(
                    "https://api.particle.io/v1/devices/events?access_token=s3cr3t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token_env")
        .hasMessageNotContaining("s3cr3t");
    assertThat(
            StreamUrls.redacted(URI.create("https://u:p@h.example:8443/v1/x?access_token=s3cr3t")))
        .isEqualTo("https://h.example:8443/v1/x");
  }

  @Test
  void notHttpIsAUserError() {
    assertThatThrownBy(() -> ConfigLoader.streamUri("ftp://x/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http or https URL");
  }
}
