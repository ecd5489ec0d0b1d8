package org.p2penergy.collector.store;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Encodings and compression of the readings files. The default came out smallest at 1 Hz (see
 * docs/BENCHMARKS.md): format v2 pages (DELTA_BINARY_PACKED for the sorted timestamps), dictionary
 * for device ids, events and the value, ZSTD level 15 (almost all of level 19's gain; pages are
 * small, so its memory stays small).
 *
 * @param dataPageV2 Parquet 2.0 writer: delta encodings for INT64 and the v2 page header
 * @param dictionaryValue try a dictionary for {@code value} (real watts repeat a lot)
 * @param byteStreamSplitValue BYTE_STREAM_SPLIT for {@code value} (when not dictionary-encoded)
 * @param rowGroupBytes row group size; small, so rolling a big segment needs little heap
 */
public record ParquetOptions(
    CompressionCodecName codec,
    int zstdLevel,
    boolean dataPageV2,
    boolean dictionaryValue,
    boolean byteStreamSplitValue,
    int rowGroupBytes) {

  public static final ParquetOptions DEFAULT =
      new ParquetOptions(CompressionCodecName.ZSTD, 15, true, true, false, 8 << 20);

  public ParquetOptions withCodec(CompressionCodecName newCodec, int level) {
    return new ParquetOptions(
        newCodec, level, dataPageV2, dictionaryValue, byteStreamSplitValue, rowGroupBytes);
  }
}
