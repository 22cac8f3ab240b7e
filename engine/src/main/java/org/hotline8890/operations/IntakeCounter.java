package org.hotline8890.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseEventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code hotline.intake.accepted{channel}}: cases opened, counted once their transaction has committed,
 * so a retried or rolled-back contact is never counted twice. Prometheus's rate() of it is the intake rate.
 */
@Component
class IntakeCounter {

    private final MeterRegistry registry;

    IntakeCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void opened(CaseChanged change) {
        if (change.type() == CaseEventType.RECEIVED) {
            Counter.builder("hotline.intake.accepted").description("Cases opened, by the channel they came in on")
                    .tag("channel", change.subject().getChannel().name()).register(registry).increment();
        }
    }
}
