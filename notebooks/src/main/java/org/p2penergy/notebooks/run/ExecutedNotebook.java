package org.p2penergy.notebooks.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executed notebook shows: its error outputs, pictures, printed text, and the {@code key:
 * value} lines of its last code cell (the summary each notebook ends with).
 */
public record ExecutedNotebook(
    List<String> errors, int images, String text, Map<String, String> summary) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUMMARY_LINE = Pattern.compile("^([\\w.][\\w. -]*): (.+)$");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  public static ExecutedNotebook read(Path file) throws IOException {
    JsonNode nb = JSON.readTree(file.toFile());
    List<String> errors = new ArrayList<>();
    int images = 0;
    StringBuilder text = new StringBuilder();
    String lastCodeText = "";
    for (JsonNode cell : nb.path("cells")) {
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      StringBuilder cellText = new StringBuilder();
      for (JsonNode output : cell.path("outputs")) {
        switch (output.path("output_type").asText()) {
          case "error" ->
              errors.add(output.path("ename").asText() + ": " + output.path("evalue").asText());
          case "stream" -> cellText.append(joined(output.path("text")));
          default -> {
            JsonNode data = output.path("data");
            if (data.has("image/png")) {
              images++;
            }
            cellText.append(joined(data.path("text/plain")));
          }
        }
      }
      text.append(cellText);
      lastCodeText = cellText.toString();
    }
    Map<String, String> summary = new LinkedHashMap<>();
    for (String line : ANSI.matcher(lastCodeText).replaceAll("").split("\n")) {
      Matcher m = SUMMARY_LINE.matcher(line.trim());
      if (m.matches()) {
        summary.put(m.group(1), m.group(2).trim());
      }
    }
    return new ExecutedNotebook(
        List.copyOf(errors), images, ANSI.matcher(text).replaceAll(""), summary);
  }

  /** A summary value as a number. */
  public double number(String key) {
    String value = summary.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no '" + key + "' in the summary " + summary.keySet());
    }
    return Double.parseDouble(value.split(" ")[0]);
  }

  private static String joined(JsonNode text) {
    if (text.isArray()) {
      StringBuilder s = new StringBuilder();
      text.forEach(t -> s.append(t.asText()));
      return s.toString();
    }
    return text.asText("");
  }
}
