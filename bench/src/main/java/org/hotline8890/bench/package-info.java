/**
 * The benchmark load generator (docs/benchmarks.md): a separate process that drives a running engine
 * over loopback HTTP and measures each request with {@link java.lang.System#nanoTime()} into an
 * HdrHistogram, so the figures are not coloured by the engine's own view of itself. It talks to the
 * database only to seed cases, to measure the raw insert rate the intake is compared with, and to see
 * when submitted cases have been fully processed.
 */
package org.hotline8890.bench;
