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
import org.hotline8890.intake.IntakeBacklog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong jobsFailed = new AtomicLong();
    private final MultiGauge deadLetters;
    private final MultiGauge notifications;

    HotlineGauges(CaseRepository cases, IntakeBacklog backlog, ManagementService jobs, JdbcTemplate jdbc, Clock clock,
                  MeterRegistry registry) {
        this.cases = cases;
        this.backlog = backlog;
        this.jobs = jobs;
        this.jdbc = jdbc;
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
        deadLetters.register(rows("""
                SELECT channel, COUNT(*) FROM intake_dead_letter WHERE requeued_at IS NULL GROUP BY channel""",
                false), true);
        notifications.register(rows("""
                SELECT channel, state, COUNT(*) FROM citizen_notification
                WHERE state IN ('PENDING', 'FAILED') GROUP BY channel, state""", true), true);
    }

    private List<MultiGauge.Row<?>> rows(String sql, boolean withState) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query(sql, rs -> {
            Tags tags = Tags.of("channel", rs.getString(1));
            long count = rs.getLong(withState ? 3 : 2);
            rows.add(MultiGauge.Row.of(withState ? tags.and("state", rs.getString(2)) : tags, count));
        });
        return rows;
    }
}
