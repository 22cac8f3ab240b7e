package org.hotline8890;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock until a test sets the time, so deadlines can pass without waiting. Import
 * {@link Config} and call {@link #reset()} after each test that sets it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> setTo = new AtomicReference<>();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    public void setTo(Instant instant) {
        setTo.set(instant);
    }

    public void reset() {
        setTo.set(null);
    }

    @Override
    public Instant instant() {
        Instant fixed = setTo.get();
        return fixed == null ? Instant.now() : fixed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
