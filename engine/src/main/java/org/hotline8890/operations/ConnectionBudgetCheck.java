package org.hotline8890.operations;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when an operator has raised the request threads, job threads or intake consumers
 * without the pool ({@code HOTLINE_DB_POOL_SIZE}); the settings stay as given, since a node that
 * does not start is worse than one that may wait for connections at its peak.
 */
@Component
class ConnectionBudgetCheck {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudgetCheck.class);

    private final ConnectionBudget budget;

    ConnectionBudgetCheck(DataSource dataSource, ServerProperties server, CamundaBpmProperties camunda,
                          ObjectProvider<RabbitProperties> rabbit) {
        RabbitProperties queue = rabbit.getIfAvailable();
        Integer consumers = queue == null ? null : queue.getListener().getSimple().getConcurrency();
        this.budget = new ConnectionBudget(
                dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : Integer.MAX_VALUE,
                server.getTomcat().getThreads().getMax(),
                camunda.getJobExecution().isEnabled() ? camunda.getJobExecution().getMaxPoolSize() : 0,
                consumers == null ? 1 : consumers);
    }

    ConnectionBudget budget() {
        return budget;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenShort() {
        if (!budget.covered()) {
            log.warn("The database pool has {} connections, but up to {} threads may hold one at once ({} web, {} job, "
                            + "{} intake, {} background): raise HOTLINE_DB_POOL_SIZE to {} or lower HOTLINE_WEB_THREADS, "
                            + "or timers may be flagged minutes late at peak load",
                    budget.pool(), budget.needed(), budget.webThreads(), budget.jobThreads(),
                    budget.intakeConsumers(), ConnectionBudget.BACKGROUND, budget.needed());
        }
    }
}
