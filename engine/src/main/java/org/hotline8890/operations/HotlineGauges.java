package org.hotline8890.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.camunda.bpm.engine.ManagementService;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.channels.Channel;
import org.hotline8890.intake.DeadLetters;
import org.hotline8890.intake.IntakeBacklog;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gauges that need a query: read every {@code hotline.metrics.refresh-interval} on one thread, so
 * a scrape costs nothing. Per-channel failures are figures an operator acts on: contacts that could
 * not become cases (dead letters waiting) and citizen notifications still waiting or given up.
 */
@Component
@EnableConfigurationProperties(MetricsSettings.class)
class HotlineGauges {

    private final CaseRepository cases;
    private final IntakeBacklog backlog;
    private final ManagementService jobs;
    private final DeadLetters dead;
    private final CitizenNotificationRepository outbox;
    private final Clock clock;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong jobsFailed = new AtomicLong();
    private final MultiGauge deadLetters;
    private final MultiGauge notifications;

    HotlineGauges(CaseRepository cases, IntakeBacklog backlog, ManagementService jobs, DeadLetters dead,
                  CitizenNotificationRepository outbox, Clock clock, MeterRegistry registry) {
        this.cases = cases;
        this.backlog = backlog;
        this.jobs = jobs;
        this.dead = dead;
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("hotline.cases.open", open, AtomicLong::get)
                .description("Cases not yet closed, rejected or merged").register(registry);
        Gauge.builder("hotline.cases.overdue", overdue, AtomicLong::get)
                .description("Open cases past their handling deadline without a reply (the published overdue figure)")
                .register(registry);
        Gauge.builder("hotline.intake.queue.waiting", queued, AtomicLong::get)
                .description("Contacts on the intake queue not yet turned into cases").register(registry);
        Gauge.builder("hotline.jobs.due", jobsDue, AtomicLong::get)
                .description("Process jobs (timers, async steps) due now and not yet run: the job executor's backlog")
                .register(registry);
        Gauge.builder("hotline.jobs.failed", jobsFailed, AtomicLong::get)
                .description("Process jobs out of retries, waiting for an operator (Cockpit: incidents)").register(registry);
        this.deadLetters = MultiGauge.builder("hotline.intake.dead.letters")
                .description("Contacts per channel that could not become cases and wait for an admin").register(registry);
        this.notifications = MultiGauge.builder("hotline.notifications")
                .description("Citizen notifications per channel and state (PENDING waiting, FAILED given up)")
                .register(registry);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${hotline.metrics.refresh-interval:30s}")
    @Transactional(readOnly = true)
    public void refresh() {
        open.set(cases.countByStatusNotIn(CaseStatus.finalStatuses()));
        overdue.set(cases.countOverdue(clock.instant()));
        queued.set(backlog.waiting());
        jobsDue.set(jobs.createJobQuery().executable().count());
        jobsFailed.set(jobs.createJobQuery().noRetriesLeft().count());
        List<MultiGauge.Row<?>> deadRows = new ArrayList<>();
        dead.openCountByChannel().forEach((channel, count) -> deadRows.add(MultiGauge.Row.of(Tags.of("channel", channel), count)));
        deadLetters.register(deadRows, true);
        List<MultiGauge.Row<?>> waiting = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (NotificationState state : List.of(NotificationState.PENDING, NotificationState.FAILED)) {
                waiting.add(MultiGauge.Row.of(Tags.of("channel", channel.name(), "state", state.name()),
                        outbox.countByChannelAndState(channel, state)));
            }
        }
        notifications.register(waiting, true);
    }
}
