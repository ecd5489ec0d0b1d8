package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceDirectoryTest {
  @Test
  void namesByLowerCaseIdAndUnnamedDevicesByTheirId() throws Exception {
    String json =
        "[{\"id\":\"34003D000547363332363639\",\"name\":\"fridge\",\"connected\":true},"
            + "{\"id\":\"2a0031000447363339343638\",\"name\":null},{\"name\":\"no id\"}]";
    assertThat(DeviceDirectory.parse(json))
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                java.util.Map.of(
                    "34003d000547363332363639", "fridge",
                    "2a0031000447363339343638", "2a0031000447363339343638")));
  }

  @Test
  void notAListIsEmpty() throws Exception {
    assertThat(DeviceDirectory.parse("{\"error\":\"invalid_token\"}")).isEmpty();
  }
}
