package org.hotline8890.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Fixed concurrency, closed loop ({@link #run}, {@link #runUntil}): each of {@code concurrency} threads
 * sends its next request as soon as the previous one answered. Simple and honest about what it is; it
 * does not correct for coordinated omission, so when the server stalls the percentiles understate what
 * an open-loop arrival stream would see (the max and the throughput still show the stall).
 * Fixed arrival rate, open loop ({@link #openLoop}): request i is due at start + i / rate whatever the
 * server does, and its latency is counted from that due time, so a stall shows in every percentile.
 */
final class Load {

    /** One unit of work; true when the answer was the expected one. */
    interface Operation {
        boolean run(int worker) throws Exception;
    }

    /** One arrival of an open-loop stream; {@code i} counts from 1. */
    interface Arrival {
        boolean run(long i) throws Exception;
    }

    record Result(String name, int concurrency, double seconds, long ok, long errors, Histogram latencyMicros,
                  Map<String, Long> errorSamples) {

        double perSecond() {
            return ok / seconds;
        }

        String line() {
            Histogram h = latencyMicros;
            return String.format(java.util.Locale.ROOT,
                    "%-8s conc=%d  %.1f s  ok=%d  errors=%d  rate=%.1f/s  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms",
                    name, concurrency, seconds, ok, errors, perSecond(), ms(h, 50), ms(h, 95), ms(h, 99),
                    h.getTotalCount() == 0 ? 0.0 : h.getMaxValue() / 1000.0);
        }

        private static double ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? 0.0 : h.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {
    }

    static Result run(String name, int concurrency, Duration duration, Operation operation) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return runUntil(name, concurrency, () -> System.nanoTime() >= end, operation);
    }

    /** Closed loop until {@code done} says so (checked before each request). */
    static Result runUntil(String name, int concurrency, java.util.function.BooleanSupplier done, Operation operation)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> samples = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            // Up to one minute per request is recorded exactly (3 significant digits).
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            int worker = w;
            Thread t = new Thread(() -> {
                while (!done.getAsBoolean()) {
                    long t0 = System.nanoTime();
                    boolean good;
                    try {
                        good = operation.run(worker);
                    } catch (Exception e) {
                        good = false;
                        samples.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (good) {
                        ok.incrementAndGet();
                        h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }, name + "-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(name, concurrency, seconds, ok.get(), errors.get(), all, samples);
    }

    /**
     * {@code count} arrivals at {@code perSecond}, open loop: a pacer hands arrival i to a pool of
     * {@code threads} workers at its due time; when all workers are busy the arrival waits for one and
     * that wait is part of its latency. Reported concurrency = the pool size.
     */
    static Result openLoop(String name, double perSecond, long count, int threads, Arrival arrival)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> samples = new ConcurrentHashMap<>();
        // Up to ten minutes per request is recorded exactly (3 significant digits).
        org.HdrHistogram.ConcurrentHistogram h = new org.HdrHistogram.ConcurrentHistogram(600_000_000L, 3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        double interval = 1e9 / perSecond;
        try {
            for (long i = 1; i <= count; i++) {
                long due = start + (long) ((i - 1) * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                long n = i;
                pool.execute(() -> {
                    boolean good;
                    try {
                        good = arrival.run(n);
                    } catch (Exception e) {
                        good = false;
                        samples.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                    }
                    long micros = (System.nanoTime() - due) / 1000;
                    if (good) {
                        ok.incrementAndGet();
                        h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(600_000_000L, 3);
        all.add(h);
        return new Result(name, threads, seconds, ok.get(), errors.get(), all, samples);
    }
}
