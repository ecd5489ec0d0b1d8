package org.p2penergy.reports.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/p2penergy demo} as a user runs it (one simulated day at a higher speed, to keep CI
 * short): the simulator, collect and analyze (Spark) really run; the PDF exists and the printed
 * headline is the summary's.
 */
class DemoIT {
  static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir Path dir;

  /** {@code bin/p2penergy demo --out OUT OPTIONS...} as a user runs it; its output, exit 0. */
  private static String demo(Path out, String... options) throws Exception {
    assumeThat(REPO.resolve("analytics/target/classpath.txt"))
        .as("the analytics module is built (mvn verify from the root builds it first)")
        .exists();
    List<String> command =
        new ArrayList<>(
            List.of(REPO.resolve("bin/p2penergy").toString(), "demo", "--out", out.toString()));
    command.addAll(List.of(options));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("P2PENERGY_NO_BUILD", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void theDemoPrintsThePdfAndTheSummarysFigures() throws Exception {
    Path out = dir.resolve("demo");
    String output = demo(out, "--days", "1", "--speed", "8000");

    List<String> stages = new ArrayList<>();
    for (String line : output.lines().toList()) {
      if (line.matches("demo: \\[\\d/4\\].*")) stages.add(line.substring(6, 11));
    }
    assertThat(stages).containsExactly("[1/4]", "[2/4]", "[3/4]", "[4/4]");

    Matcher pdfLine = Pattern.compile("(?m)^PDF:\\s+(\\S+)$").matcher(output);
    assertThat(pdfLine.find()).as(output).isTrue();
    Path pdf = Path.of(pdfLine.group(1));
    assertThat(pdf).exists().startsWith(out);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isPositive();
    }

    // The report is for the first (only complete) simulated day: its folder names the date.
    Path summaryFile = pdf.getParent().resolve("summary.json");
    JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
    double kwh = summary.path("totals").path("kwh").asDouble();
    assertThat(kwh).as("a simulated fridge uses energy every day").isPositive();
    Matcher headline =
        Pattern.compile("(?m)^P2P Energy — .*: ([0-9.]+) kWh, \\$([0-9.]+)$").matcher(output);
    assertThat(headline.find()).as(output).isTrue();
    double printedKwh = Double.parseDouble(headline.group(1));
    double printedCost = Double.parseDouble(headline.group(2));
    assertThat(printedKwh).isCloseTo(kwh, org.assertj.core.data.Offset.offset(0.005));
    assertThat(printedCost)
        .isCloseTo(
            summary.path("totals").path("cost").asDouble(),
            org.assertj.core.data.Offset.offset(0.005));
    // Flat tariff of the demo home: $0.15 per kWh.
    assertThat(printedCost).isCloseTo(kwh * 0.15, org.assertj.core.data.Offset.offset(0.006));
    assertThat(summary.path("appliances").findValuesAsText("appliance")).contains("Fridge");
    String token = Files.readString(out.resolve("particle-token")).strip();
    assertThat(token).isNotBlank();
    assertThat(output).as("the token is never printed").doesNotContain(token);
  }

  @Test
  void aCommunityDemoPrintsOneHouseholdsPdfWithItsComparison() throws Exception {
    Path out = dir.resolve("community");
    // Five homes: each has a fridge, so fridges are compared at exactly min_homes (5).
    String output = demo(out, "--homes", "5", "--days", "1");
    assertThat(output).contains("analyze --community", "5 homes in one job");

    Matcher pdfLine = Pattern.compile("(?m)^PDF:\\s+(\\S+)$").matcher(output);
    assertThat(pdfLine.find()).as(output).isTrue();
    Path pdf = Path.of(pdfLine.group(1));
    assertThat(pdf).exists().startsWith(out);
    JsonNode summary =
        new ObjectMapper().readTree(pdf.getParent().resolve("summary.json").toFile());
    JsonNode fridge = null;
    for (JsonNode peer : summary.path("peers")) {
      if (peer.path("kind").asText().equals("fridge")
          && peer.path("metric").asText().equals("kwh")
          && peer.path("period").asText().equals("day")) {
        fridge = peer;
      }
    }
    assertThat(fridge)
        .as("the household's fridge is compared: %s", summary.path("peers"))
        .isNotNull();
    assertThat(fridge.path("homes").asInt()).isEqualTo(5);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("How you compare", "(5 fridges in 5 homes)");
    // The email's headline is printed under the totals: the appliance furthest from its median.
    assertThat(output).containsPattern("(?m)^Your .+ the community's median\\.$");
  }
}
