package org.p2penergy.home.config;

import java.net.URI;
import java.util.Optional;

/** How the collector reaches the Particle Cloud: the stream URL, the token's source, a prefix. */
public record ParticleSettings(URI streamUrl, SecretSource token, Optional<String> eventPrefix) {

  public static final URI DEFAULT_STREAM_URL =
      URI.create("https://api.particle.io/v1/devices/events");

  public static final String DEFAULT_TOKEN_ENV = "PARTICLE_ACCESS_TOKEN";

  public static ParticleSettings defaults() {
    return new ParticleSettings(
        DEFAULT_STREAM_URL, SecretSource.fromEnv(DEFAULT_TOKEN_ENV), Optional.empty());
  }
}
