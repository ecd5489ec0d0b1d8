package org.p2penergy.collector.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's subscriber: a real HTTP client that reads the event stream block by block (a block is
 * the text up to a blank line), written independently of the simulator's code.
 */
final class SseClient implements AutoCloseable {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  /** One parsed event: the name and the JSON object of the data line. */
  record Event(String name, JsonNode data, String raw) {
    String coreid() {
      return data.get("coreid").asText();
    }

    String publishedAt() {
      return data.get("published_at").asText();
    }

    String value() {
      return data.get("data").asText();
    }
  }

  final HttpResponse<InputStream> response;
  private final InputStream in;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.in = response.body();
  }

  static SseClient open(URI uri, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  int status() {
    return response.statusCode();
  }

  /** Reads exactly {@code n} bytes. */
  byte[] readBytes(int n) throws IOException {
    return in.readNBytes(n);
  }

  /**
   * The next block of text up to and including a blank line ("\n\n"), or a lone "\n" for a
   * keep-alive; null at the end of the stream.
   */
  String nextBlock() throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    int previous = -1;
    int c;
    while ((c = in.read()) != -1) {
      block.write(c);
      if (c == '\n' && (previous == '\n' || block.size() == 1)) {
        return block.toString(StandardCharsets.UTF_8);
      }
      previous = c;
    }
    return block.size() == 0 ? null : block.toString(StandardCharsets.UTF_8);
  }

  /** The next event, skipping keep-alives and comments; null at the end of the stream. */
  Event nextEvent() throws IOException {
    String block;
    while ((block = nextBlock()) != null) {
      if (!block.equals("\n") && !block.startsWith(":")) {
        return parse(block);
      }
    }
    return null;
  }

  List<Event> events(int n) throws IOException {
    List<Event> out = new ArrayList<>();
    while (out.size() < n) {
      Event e = nextEvent();
      if (e == null) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  static Event parse(String block) throws IOException {
    String name = null;
    String data = null;
    for (String line : block.split("\n")) {
      if (line.startsWith("event: ")) {
        name = line.substring("event: ".length());
      } else if (line.startsWith("data: ")) {
        data = line.substring("data: ".length());
      }
    }
    if (name == null || data == null) {
      throw new IOException("not an event block: " + block);
    }
    return new Event(name, JSON.readTree(data), block);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
