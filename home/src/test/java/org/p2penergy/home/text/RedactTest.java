package org.p2penergy.home.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactTest {
  @Test
  void aMalformedUrlWithATokenLosesTheToken() {
    // The URL of the report: not even a URL, so nothing that parses URLs would catch it.
    String text = Redact.text("'ht!tp://bad url?access_token=LEAKME' is not a URL");
    assertThat(text).doesNotContain("LEAKME").contains("access_token=***");
  }

  @Test
  void everyQueryValueUserInfoAndBearer() {
    assertThat(Redact.text("https://u:pw@h.example/x?a=1&token=SECRET#f"))
        .isEqualTo("https://***@h.example/x?a=***&token=***#f");
    assertThat(Redact.text("Authorization: Bearer abc.def")).isEqualTo("Authorization: Bearer ***");
    assertThat(Redact.text("password=hunter2 and secret_key=xyz"))
        .isEqualTo("password=*** and secret_key=***");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    String plain = "appliances[2].kind: unknown kind 'toaster'; see /v1/devices/events";
    assertThat(Redact.text(plain)).isEqualTo(plain);
  }

  @Test
  void aUrlForTheLogKeepsHostPortAndPath() {
    assertThat(Redact.url(URI.create("https://u:p@h.example:8443/v1/x?access_token=s3cr3t")))
        .isEqualTo("https://h.example:8443/v1/x");
  }
}
