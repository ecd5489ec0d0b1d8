package org.p2penergy.collector.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP proxy on loopback in front of the S3 server, for what s3proxy cannot act out: it
 * answers {@code 503 SlowDown} (as S3 does under load) while {@link #slowDown} is on, and can hold
 * each PUT for a while so that a test can kill the uploader in the middle of one. Each request gets
 * its own connection to the backend ({@code Connection: close}); bytes are relayed as they are, so
 * the signature and the body reach the server untouched.
 */
final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int backendPort;
  private volatile boolean slowDown;
  private volatile long putDelayMillis;
  private final AtomicInteger wrongEtags = new AtomicInteger();
  final AtomicInteger puts = new AtomicInteger();
  private final AtomicInteger putsInFlight = new AtomicInteger();
  final AtomicLong slowDowns = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  private final Thread acceptor;

  FaultProxy(int backendPort) throws IOException {
    this(0, backendPort);
  }

  FaultProxy(int port, int backendPort) throws IOException {
    this.backendPort = backendPort;
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fault-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  void slowDown(boolean on) {
    slowDown = on;
  }

  /** The next {@code n} PUT answers carry an ETag that is not the MD5 of what was sent. */
  void wrongEtags(int n) {
    wrongEtags.set(n);
  }

  void putDelay(long millis) {
    putDelayMillis = millis;
  }

  int putsInFlight() {
    return putsInFlight.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      requests.incrementAndGet();
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String lower = text.toLowerCase(Locale.ROOT);
      boolean put = text.startsWith("PUT ");
      if (slowDown) {
        slowDowns.incrementAndGet();
        if (!lower.contains("expect: 100-continue")) {
          in.skipNBytes(contentLength(lower)); // read the body, so the client reads our answer
        }
        String body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message></Error>";
        OutputStream out = client.getOutputStream();
        out.write(
            ("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
                    + body.length()
                    + "\r\nConnection: close\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      if (put) {
        putsInFlight.incrementAndGet();
        puts.incrementAndGet();
      }
      try {
        if (put && putDelayMillis > 0) {
          Thread.sleep(putDelayMillis);
        }
        relay(client, in, withConnectionClose(text), put && wrongEtags.getAndDecrement() > 0);
      } finally {
        if (put) {
          putsInFlight.decrementAndGet();
        }
      }
    } catch (IOException | InterruptedException e) {
      // a client or a backend that went away: the connection ends, as it would
    }
  }

  private void relay(Socket client, InputStream in, byte[] head, boolean wrongEtag)
      throws IOException {
    try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
      backend.getOutputStream().write(head);
      Thread up =
          new Thread(
              () -> {
                try {
                  in.transferTo(backend.getOutputStream());
                } catch (IOException e) {
                  // done
                }
              },
              "fault-proxy-up");
      up.setDaemon(true);
      up.start();
      InputStream answer = backend.getInputStream();
      if (wrongEtag) {
        // Past the interim "100 Continue" answers to the final one, whose ETag is replaced.
        String answerHead;
        do {
          byte[] h = readHead(answer);
          if (h == null) {
            return;
          }
          answerHead = new String(h, StandardCharsets.ISO_8859_1);
          if (answerHead.startsWith("HTTP/1.1 1")) {
            client.getOutputStream().write(h);
          }
        } while (answerHead.startsWith("HTTP/1.1 1"));
        StringBuilder b = new StringBuilder();
        for (String line : answerHead.split("\r\n")) {
          boolean etag = line.toLowerCase(Locale.ROOT).startsWith("etag:");
          b.append(etag ? "ETag: \"00000000000000000000000000000000\"" : line).append("\r\n");
        }
        client
            .getOutputStream()
            .write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      }
      answer.transferTo(client.getOutputStream());
    }
  }

  private static byte[] withConnectionClose(String head) {
    StringBuilder b = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:") && !line.isEmpty()) {
        b.append(line).append("\r\n");
      }
    }
    b.append("Connection: close\r\n\r\n");
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String lowerHead) {
    for (String line : lowerHead.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return Long.parseLong(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  /** The request line and headers, through the blank line; null at end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    for (int c; (c = in.read()) >= 0; ) {
      b.write(c);
      state =
          (c == '\r' && (state == 0 || state == 2))
              ? state + 1
              : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return b.toByteArray();
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
