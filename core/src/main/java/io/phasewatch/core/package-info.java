/** The analysis of METHOD.md and the domain it runs on: pure Java, no Kafka, no I/O, no threads. */
package io.phasewatch.core;
