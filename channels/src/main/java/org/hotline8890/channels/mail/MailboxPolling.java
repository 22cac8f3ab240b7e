package org.hotline8890.channels.mail;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the poller on its own thread: a slow or hanging mail server must not hold up the scheduler
 * the intake queue and the engine's timers share.
 */
final class MailboxPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPolling.class);

    private final MailboxPoller poller;
    private final Duration interval;
    private ScheduledExecutorService executor;

    MailboxPolling(MailboxPoller poller, Duration interval) {
        this.poller = poller;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mailbox-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void pollOnce() {
        try {
            MailboxPoller.Outcome outcome = poller.pollOnce();
            if (outcome.published() + outcome.answered() + outcome.automatic() > 0) {
                log.info("mailbox: {} mails queued, {} answered with a request for details, {} automatic set aside",
                        outcome.published(), outcome.answered(), outcome.automatic());
            }
        } catch (Exception e) {
            // The mails stay unhandled in the mailbox; the next poll tries again.
            log.warn("mailbox poll failed, will try again in {}: {}", interval, e.toString());
        }
    }
}
