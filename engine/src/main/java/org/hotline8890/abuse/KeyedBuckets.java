package org.hotline8890.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per key (an address, a case number) for one limit, in this node's memory. Time
 * comes from the application's {@link Clock}, so tests move it instead of sleeping.
 */
final class KeyedBuckets {

    private final AbuseSettings.Limit limit;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    KeyedBuckets(AbuseSettings.Limit limit, Clock clock) {
        this.limit = limit;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one token; empty when it was there, else how long until one is. */
    Optional<Duration> take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the key has used up its tokens, without taking one; if so, how long until one is back. */
    Optional<Duration> exhausted(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Forgets keys whose bucket has refilled: they are as good as new, and memory stays bounded. */
    void forgetRefilled() {
        buckets.keySet().forEach(key -> buckets.computeIfPresent(key,
                (k, bucket) -> bucket.getAvailableTokens() >= limit.count() ? null : bucket));
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build());
    }
}
