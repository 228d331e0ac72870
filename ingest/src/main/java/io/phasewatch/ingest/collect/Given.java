package io.phasewatch.ingest.collect;

/** A metadata value the feed itself gives, and the column (or field) it was read from. */
public record Given<T>(T value, String column) {}
