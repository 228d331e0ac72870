/**
 * Serdes of phasewatch's topics and stores: JSON through core's {@code Json.mapper()}, and an
 * envelope that keeps a source record's original bytes beside its parsed value so that an invalid
 * record can be sent to the rejected topic unchanged.
 */
package io.phasewatch.streams.serde;
