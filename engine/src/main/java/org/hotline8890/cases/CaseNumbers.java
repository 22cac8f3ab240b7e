package org.hotline8890.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.zaxxer.hikari.HikariDataSource;
import org.hotline8890.HotlineProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers like {@code 8890-20261122-000123}: prefix, the local date, a per-day counter.
 * <p>
 * The counter row is bumped in its own short transaction so intake transactions never queue behind its
 * lock; a rolled-back intake leaves a gap in the numbering, which is harmless. That transaction runs on a
 * small pool of its own: the caller already holds a connection of the main pool for its intake, and
 * taking a second one from that same pool starved it (with as many concurrent intakes as pooled
 * connections, every intake waited for a second connection that only another's timeout could free;
 * docs/benchmarks.md). A connection of this pool is never held while waiting for anything else, so
 * intakes here only ever queue, never deadlock.
 */
@Component
public class CaseNumbers implements DisposableBean {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Lost races on a new day's row, and deadlocks InnoDB chose us for, are retried this often. */
    private static final int ATTEMPTS = 5;

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String prefix;
    private final ZoneId zone;

    CaseNumbers(DataSourceProperties dataSource, Environment environment, CaseNumberSettings settings,
                HotlineProperties properties) {
        this.pool = counterPool(dataSource, environment, settings);
        this.jdbc = new JdbcTemplate(pool);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        this.prefix = properties.caseNumberPrefix();
        this.zone = properties.zone();
    }

    /** The main pool's settings (isolation, the driver's statement cache), with a size of its own. */
    private static HikariDataSource counterPool(DataSourceProperties dataSource, Environment environment,
                                                CaseNumberSettings settings) {
        HikariDataSource pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName("case-numbers");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(1);
        return pool;
    }

    public String next(Instant at) {
        String day = DAY.format(at.atZone(zone));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Long value = transaction.execute(status -> bump(day));
                if (value != null) {
                    return "%s-%s-%06d".formatted(prefix, day, value);
                }
                // The day's first number: create its row on its own, outside any transaction that holds a
                // gap lock, so that concurrent first intakes of a day cannot deadlock on the insert.
                createDay(day);
            } catch (PessimisticLockingFailureException deadlockOrTimeout) {
                if (attempt == ATTEMPTS) {
                    throw deadlockOrTimeout;
                }
            }
        }
        throw new IllegalStateException("could not allocate a case number for " + day);
    }

    /** The day's next value, or null when the day has no row yet (the transaction then holds no lock). */
    private Long bump(String day) {
        int updated = jdbc.update("UPDATE case_number_counter SET last_value = last_value + 1 WHERE day_key = ?", day);
        if (updated == 0) {
            return null;
        }
        return jdbc.queryForObject("SELECT last_value FROM case_number_counter WHERE day_key = ?", Long.class, day);
    }

    private void createDay(String day) {
        try {
            jdbc.update("INSERT INTO case_number_counter (day_key, last_value) VALUES (?, 0)", day);
        } catch (DuplicateKeyException anotherIntakeWasFirst) {
            // The row exists now, which is all that was wanted.
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
