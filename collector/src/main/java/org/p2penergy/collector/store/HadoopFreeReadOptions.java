package org.p2penergy.collector.store;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.format.converter.ParquetMetadataConverter.MetadataFilter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Read options built without Hadoop. In parquet-java 1.17.0 every public way to make {@link
 * ParquetReadOptions} loads Hadoop classes ({@code
 * ParquetReadOptions.Builder(ParquetConfiguration)} calls {@code ParquetInputFormat.getFilter},
 * whose superclass is Hadoop's {@code FileInputFormat}; the no-argument builder makes a Hadoop
 * configuration), so this calls the package-private constructor the builder itself ends in. Revisit
 * when apache/parquet-java#2938 is fixed.
 */
final class HadoopFreeReadOptions {
  private static final int MAX_ALLOCATION = 8 << 20;

  private HadoopFreeReadOptions() {}

  static ParquetReadOptions create(CompressionCodecFactory codecs) {
    try {
      Constructor<ParquetReadOptions> c =
          ParquetReadOptions.class.getDeclaredConstructor(
              boolean.class, // useSignedStringMinMax
              boolean.class, // useStatsFilter
              boolean.class, // useDictionaryFilter
              boolean.class, // useRecordFilter
              boolean.class, // useColumnIndexFilter
              boolean.class, // usePageChecksumVerification
              boolean.class, // useBloomFilter
              boolean.class, // useOffHeapDecryptBuffer
              boolean.class, // useHadoopVectoredIo
              FilterCompat.Filter.class,
              MetadataFilter.class,
              CompressionCodecFactory.class,
              ByteBufferAllocator.class,
              int.class,
              Map.class,
              FileDecryptionProperties.class,
              ParquetMetricsCallback.class,
              ParquetConfiguration.class);
      c.setAccessible(true);
      return c.newInstance(
          false,
          true,
          true,
          true,
          true,
          false,
          true,
          false,
          false,
          FilterCompat.NOOP,
          ParquetMetadataConverter.NO_FILTER,
          codecs,
          new HeapByteBufferAllocator(),
          MAX_ALLOCATION,
          Map.of(),
          null,
          null,
          new PlainParquetConfiguration());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "parquet-java changed ParquetReadOptions; update HadoopFreeReadOptions", e);
    }
  }
}
