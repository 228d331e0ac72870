/**
 * Publishing: the topics, the checkpoint of what a feed last published, the change set of a run
 * (new, corrected, unchanged, retracted), and the sinks (Kafka, or JSON Lines for a dry run).
 */
package io.phasewatch.ingest.publish;
