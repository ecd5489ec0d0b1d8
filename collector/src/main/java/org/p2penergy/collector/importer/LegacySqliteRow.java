package org.p2penergy.collector.importer;

/**
 * One row of the original project's {@code event} table, as stored: SQLite is dynamically typed, so
 * {@code data} may hold text, an integer, a real or NULL.
 */
public record LegacySqliteRow(
    long id,
    String name,
    String coreid,
    Object data,
    String publishedAt,
    Object ttl,
    Object productId,
    Object isPublic,
    Object userid,
    Object version) {}
