/**
 * Poison input never stops the application: undeserialisable records (deserialization exception
 * handler), records whose processing throws (processing exception handler) and records that fail
 * semantic validation all go to {@code phasewatch.rejected.v1} with their original bytes and the
 * headers {@code reason}, {@code stage} and {@code source}, and are counted.
 */
package io.phasewatch.streams.errors;
