package org.hotline8890.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Fixed concurrency, closed loop: each of {@code concurrency} threads sends its next request as soon as
 * the previous one answered. Simple and honest about what it is; it does not correct for coordinated
 * omission, so when the server stalls the percentiles understate what an open-loop arrival stream
 * would see (the max and the throughput still show the stall).
 */
final class Load {

    /** One unit of work; true when the answer was the expected one. */
    interface Operation {
        boolean run(int worker) throws Exception;
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
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> samples = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int w = 0; w < concurrency; w++) {
            // Up to one minute per request is recorded exactly (3 significant digits).
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            int worker = w;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
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
}
