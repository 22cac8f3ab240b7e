package org.hotline8890;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class BackgroundBuildTest {

    @Test
    void whoeverNeedsItWhileTheBuildRunsWaitsForTheBuildToFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        BackgroundBuild build = new BackgroundBuild("test index", () -> {
            await(release);
            builds.incrementAndGet();
        });
        build.start();

        AtomicReference<Integer> seenByReader = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            build.await();
            seenByReader.set(builds.get());
        });
        reader.start();
        reader.join(300);
        assertThat(reader.isAlive()).as("the reader waits while the build runs").isTrue();
        assertThat(build.isOver()).isFalse();

        release.countDown();
        reader.join(10_000);
        assertThat(seenByReader.get()).as("the reader saw the finished build").isEqualTo(1);
        assertThat(build.isOver()).isTrue();
    }

    @Test
    void neededBeforeAnyoneStartedItItIsBuiltOnTheCallersThreadAndOnlyOnce() {
        AtomicInteger builds = new AtomicInteger();
        AtomicReference<Thread> builtOn = new AtomicReference<>();
        BackgroundBuild build = new BackgroundBuild("test index", () -> {
            builds.incrementAndGet();
            builtOn.set(Thread.currentThread());
        });

        build.await();
        build.start();
        build.await();

        assertThat(builtOn.get()).isSameAs(Thread.currentThread());
        assertThat(builds.get()).isEqualTo(1);
    }

    @Test
    void aFailedBuildDoesNotLeaveItsReadersWaiting() throws Exception {
        BackgroundBuild build = new BackgroundBuild("test index", () -> {
            throw new IllegalStateException("the table is not there");
        });
        build.start();

        Thread reader = new Thread(build::await);
        reader.start();
        reader.join(10_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(build.isOver()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
