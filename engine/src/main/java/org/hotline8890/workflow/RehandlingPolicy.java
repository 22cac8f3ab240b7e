package org.hotline8890.workflow;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Component;

/** 重办: a dissatisfied rating sends the case back to the department, at most {@code maxRehandles} times. */
@Component
class RehandlingPolicy {

    private final int maxRehandles;

    RehandlingPolicy(HotlineProperties properties) {
        this.maxRehandles = properties.maxRehandles();
    }

    boolean shouldRehandle(HotlineCase c) {
        return c.qualifiesForRehandling(maxRehandles);
    }
}
