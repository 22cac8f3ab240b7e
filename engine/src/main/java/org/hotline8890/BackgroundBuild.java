package org.hotline8890;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first build of an in-memory structure a node derives from the database (the knowledge index,
 * the classification model, the open-case index). Started on a thread of its own once the application
 * is ready, so it does not hold back start-up (docs/benchmarks.md, "Start-up and memory"); whoever
 * needs the structure before that build is over waits for it, so nobody is answered from an empty or
 * half-built one. Needed before anything started it (a context that never became ready), it is built
 * on the caller's thread.
 */
public final class BackgroundBuild {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBuild.class);

    private final String name;
    private final Runnable build;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch over = new CountDownLatch(1);

    /** {@code name} names the thread and the log line if the build fails. */
    public BackgroundBuild(String name, Runnable build) {
        this.name = name;
        this.build = build;
    }

    /** Starts the build on its own thread; does nothing if it has started already. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::run, name);
            // A node that stops during its first build need not wait for it.
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Returns once the first build is over (built, or failed and logged); builds it here if none started. */
    public void await() {
        if (over.getCount() == 0) {
            return;
        }
        if (started.compareAndSet(false, true)) {
            run();
            return;
        }
        boolean interrupted = false;
        while (over.getCount() > 0) {
            try {
                over.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isOver() {
        return over.getCount() == 0;
    }

    private void run() {
        try {
            build.run();
        } catch (RuntimeException e) {
            // What it would have held stays out until its periodic rebuild, which repeats the whole build.
            log.error("The start-up build of the {} failed; its next scheduled rebuild tries again", name, e);
        } finally {
            over.countDown();
        }
    }
}
