package org.hotline8890.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline8890.cases.CaseChanged;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live queues: the center console and a department's workbench hear a {@code queue-changed} event the
 * moment a case they would list changes (after its transaction commits), and reload their lists
 * (static/js/live.js with htmx). The event carries no data, and a department hears only about cases
 * of its own units. Changes made on another node arrive with the pages' periodic refresh instead.
 */
@Controller
class QueueChanges {

    static final String EVENT = "queue-changed";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** An open page: the unit whose cases it lists, or null for the center, which sees every case. */
    private record Listener(SseEmitter emitter, OrgUnit unit) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Organisation organisation;
    private final CurrentStaff staff;

    QueueChanges(Organisation organisation, CurrentStaff staff) {
        this.organisation = organisation;
        this.staff = staff;
    }

    @GetMapping(path = "/center/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter center() {
        return listen(null);
    }

    @GetMapping(path = "/department/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter department() {
        Staff me = staff.get();
        return listen(organisation.byId(me.orgUnitId()).orElseThrow());
    }

    private SseEmitter listen(OrgUnit unit) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Listener listener = new Listener(emitter, unit);
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        send(listener, SseEmitter.event().comment("connected"));
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(CaseChanged change) {
        if (listeners.isEmpty()) {
            return;
        }
        OrgUnit department = change.subject().getDepartmentId() == null ? null
                : organisation.byId(change.subject().getDepartmentId()).orElse(null);
        // An assist step names the assisting unit: its "cases we assist" list changes too.
        OrgUnit alsoConcerned = change.departmentId() == null || change.departmentId().equals(change.subject().getDepartmentId())
                ? null : organisation.byId(change.departmentId()).orElse(null);
        for (Listener listener : listeners) {
            if (listener.unit() == null || (department != null && listener.unit().contains(department))
                    || (alsoConcerned != null && listener.unit().contains(alsoConcerned))) {
                send(listener, SseEmitter.event().name(EVENT).data(""));
            }
        }
    }

    private void send(Listener listener, SseEmitter.SseEventBuilder event) {
        try {
            listener.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(listener);
        }
    }

    /** Open streams would hold the server's graceful shutdown; the pages reconnect to another node. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        listeners.forEach(l -> l.emitter().complete());
        listeners.clear();
    }
}
