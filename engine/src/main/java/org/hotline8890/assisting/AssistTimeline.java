package org.hotline8890.assisting;

import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every assist step on its case's timeline, as a case event of its own type, in the same
 * transaction (the case's hash-chained log records it like any other change). The event names the
 * assisting unit (its department column, and its name in the staff comment); citizens see only the
 * plain steps (docs/assisting.md).
 */
@Component
class AssistTimeline {

    private final CaseRepository cases;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;

    AssistTimeline(CaseRepository cases, Organisation organisation, ApplicationEventPublisher events) {
        this.cases = cases;
        this.organisation = organisation;
        this.events = events;
    }

    @EventListener
    void record(AssistChanged change) {
        CaseAssist assist = change.assist();
        HotlineCase c = cases.findById(assist.getCaseId())
                .orElseThrow(() -> new IllegalStateException("no case with id " + assist.getCaseId()));
        String unit = organisation.byId(assist.getUnitId()).map(OrgUnit::getName).orElse(String.valueOf(assist.getUnitId()));
        String comment = change.comment() == null ? unit : unit + ": " + change.comment();
        events.publishEvent(new CaseChanged(c, change.type(), change.actor(), c.getStatus(), c.getStatus(),
                assist.getUnitId(), comment, change.at()));
    }
}
