package org.p2penergy.reports.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail has no STARTTLS (greenmail issue #135), so this test-only front speaks the part of SMTP
 * before the upgrade (greeting, EHLO advertising STARTTLS, STARTTLS), upgrades the connection to
 * real TLS with GreenMail's own test certificate, and from then on relays the decrypted bytes to
 * GreenMail's plain SMTP port. Everything after STARTTLS (EHLO, AUTH, MAIL, DATA) is GreenMail.
 */
final class StartTlsFront implements AutoCloseable {
  private final ServerSocket server;
  private final SSLContext tls;
  private final int backendPort;
  private final AtomicInteger upgrades = new AtomicInteger();

  StartTlsFront(int backendPort) throws Exception {
    this.backendPort = backendPort;
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("greenmail.p12")) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "starttls-front");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections were upgraded to TLS. */
  int upgrades() {
    return upgrades.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> handle(client), "starttls-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      send(out, "220 starttls-front ESMTP\r\n");
      while (true) {
        String line = readLine(in);
        if (line == null) return;
        String verb = line.split(" ", 2)[0].toUpperCase();
        if (verb.equals("EHLO")) {
          send(out, "250-starttls-front\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
        } else if (verb.equals("STARTTLS")) {
          send(out, "220 2.0.0 Ready to start TLS\r\n");
          break;
        } else if (verb.equals("QUIT")) {
          send(out, "221 bye\r\n");
          return;
        } else {
          send(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
        }
      }
      SSLSocket secure =
          (SSLSocket)
              tls.getSocketFactory()
                  .createSocket(
                      client, client.getInetAddress().getHostAddress(), client.getPort(), true);
      secure.setUseClientMode(false);
      secure.startHandshake();
      upgrades.incrementAndGet();
      try (secure;
          Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
        readLine(backend.getInputStream()); // GreenMail's greeting: the client already had ours
        Thread up = pipe(secure.getInputStream(), backend.getOutputStream());
        pipe(backend.getInputStream(), secure.getOutputStream()).join();
        up.join(1000);
      }
    } catch (Exception e) {
      // the client went away; the test's assertions say whether that was expected
    }
  }

  private static Thread pipe(InputStream from, OutputStream to) {
    Thread t =
        new Thread(
            () -> {
              try {
                from.transferTo(to);
                to.flush();
              } catch (IOException e) {
                // one side closed
              }
            },
            "starttls-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one CRLF line byte by byte, so nothing of the TLS handshake is consumed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII).strip();
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
