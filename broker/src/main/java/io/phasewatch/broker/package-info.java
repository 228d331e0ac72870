/**
 * The in-JVM single-node Kafka broker (KRaft, broker and controller in one process) behind
 * {@code phasewatch run} and every integration test.
 *
 * <p>DESIGN.md places the embedded broker under {@code cli}; it is its own small module instead
 * because the ingest, streams-app and alerts tests need it too, and modules may only depend
 * toward {@code core}, never on {@code cli}. Only tests of those modules (and {@code cli}) depend
 * on it.
 */
package io.phasewatch.broker;
