package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SseFormatTest {
  @Test
  void anEventLikeTheCloudWritesIt() {
    // 1764266832555 ms = 2025-11-27T18:07:12.555Z
    SimEvent e = new SimEvent("34003d000547363332363639", "power", 1_764_266_832_555L, "160.2");
    assertThat(SseFormat.event(e, null))
        .isEqualTo(
            "event: power\n"
                + "data: {\"data\":\"160.2\",\"ttl\":60,\"published_at\":\"2025-11-27T18:07:12.555Z\","
                + "\"coreid\":\"34003d000547363332363639\"}\n\n");
  }

  @Test
  void productStreamsAppendTheProductFields() {
    SimEvent e = new SimEvent("e00fce682e79a004f1e69a2b", "x", 0, "1");
    assertThat(SseFormat.event(e, new SseFormat.ProductFields("u", 91, 13961)))
        .endsWith(
            "\"coreid\":\"e00fce682e79a004f1e69a2b\",\"userid\":\"u\",\"version\":91,"
                + "\"public\":false,\"productID\":13961}\n\n")
        .contains("\"published_at\":\"1970-01-01T00:00:00.000Z\"");
  }

  @Test
  void dataIsJsonEscaped() {
    SimEvent e = new SimEvent("c", "j", 0, "{\"a\":1}\n");
    assertThat(SseFormat.event(e, null)).contains("{\"data\":\"{\\\"a\\\":1}\\n\"");
  }

  @Test
  void oneDecimal() {
    assertThat(SseFormat.oneDecimal(160.24)).isEqualTo("160.2");
    assertThat(SseFormat.oneDecimal(5.55)).isEqualTo("5.6");
    assertThat(SseFormat.oneDecimal(0)).isEqualTo("0.0");
    assertThat(SseFormat.oneDecimal(2000)).isEqualTo("2000.0");
    assertThat(SseFormat.oneDecimal(-0.26)).isEqualTo("-0.3");
  }

  @Test
  void threeDecimalsLikeFormat() {
    for (double v : new double[] {0, 0.0005, 0.054166, 1.9999, 16.6666, 7.0, 0.1234}) {
      assertThat(ReadingEvent.threeDecimals(v))
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", v));
    }
  }
}
