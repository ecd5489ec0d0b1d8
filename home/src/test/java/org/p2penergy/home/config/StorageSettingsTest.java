package org.p2penergy.home.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageSettingsTest {
  @Test
  void aStorageUrlNamesTheSamePlaceForHadoopAsS3a() {
    // nightly --community hands analyze the store's url as --data, as the storage block writes it.
    assertThat(StorageSettings.hadoopPath("s3://p2p-energy/elm/"))
        .isEqualTo("s3a://p2p-energy/elm");
    assertThat(StorageSettings.hadoopPath("s3://p2p-energy")).isEqualTo("s3a://p2p-energy");
    assertThat(StorageSettings.hadoopPath("s3a://p2p-energy/elm"))
        .isEqualTo("s3a://p2p-energy/elm");
    assertThat(StorageSettings.hadoopPath("/srv/elm/data")).isEqualTo("/srv/elm/data");
  }
}
