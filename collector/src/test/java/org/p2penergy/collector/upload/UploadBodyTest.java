package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadBodyTest {
  @TempDir Path dir;

  @Test
  void theBodyIsEachPartsPrefixInOrderWithTheMd5OfThemAll() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "a-and-more");
    Path b = Files.writeString(dir.resolve("b"), "bc\npartial");
    UploadBody body = UploadBody.of(List.of(new UploadBody.Part(a, 1), new UploadBody.Part(b, 2)));
    // MD5("abc") from RFC 1321's test suite
    assertThat(body.md5Hex()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(body.md5Base64()).isEqualTo("kAFQmDzST7DWlj99KOF/cg==");
    assertThat(body.length()).isEqualTo(3);
    try (InputStream in = body.open()) {
      assertThat(new String(in.readAllBytes())).isEqualTo("abc");
    }
    try (InputStream again = body.open()) {
      assertThat(again.readAllBytes()).hasSize(3); // a fresh stream each time
    }
  }

  @Test
  void aPartShorterThanSaidIsRefused() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "ab");
    assertThatThrownBy(() -> UploadBody.of(List.of(new UploadBody.Part(a, 5))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("shorter than 5 bytes");
  }
}
