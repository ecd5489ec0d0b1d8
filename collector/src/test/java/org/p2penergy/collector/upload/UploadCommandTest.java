package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.cli.CollectorMain;
import org.p2penergy.home.cli.CommandRun;

class UploadCommandTest {
  @TempDir Path dir;

  @Test
  void helpListsTheExitCodes() {
    CommandRun.Result r = CommandRun.run(new CollectorMain(), "upload", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Usage: p2penergy upload")
        .contains("--give-up-after=DURATION")
        .contains("Exit codes:")
        .containsPattern("(?m)^\\s+3\\s+the store refused the credentials")
        .containsPattern("(?m)^\\s+4\\s+the bucket does not exist")
        .containsPattern("(?m)^\\s+5\\s+the store could not be reached");
  }

  @Test
  void aLocalStorageFolderIsNothingToUpload() throws Exception {
    Path config = dir.resolve("home.yaml");
    Files.writeString(config, "home: {id: elm-12}\nstorage: {url: store}\n");
    Path data = Files.createDirectories(dir.resolve("data"));
    CommandRun.Result r =
        CommandRun.run(
            new UploadCommand(), "--data", data.toString(), "--config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "upload: storage.url is a local folder ("
                + dir.resolve("store")
                + "): nothing to upload, analyze reads it there\n");
  }
}
