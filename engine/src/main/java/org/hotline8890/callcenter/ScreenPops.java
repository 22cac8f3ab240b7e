package org.hotline8890.callcenter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.asterisk.QueueCallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open agent consoles, per staff user (one user may have several tabs open), and the screen pop
 * each gets when their phone rings: the caller's number and their earlier cases, newest first.
 */
@Component
class ScreenPops {

    static final String EVENT_NAME = "screen-pop";
    private static final Duration CONSOLE_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ScreenPops.class);

    private final Map<String, List<SseEmitter>> consoles = new ConcurrentHashMap<>();
    private final CaseRepository cases;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    ScreenPops(CaseRepository cases, TransactionTemplate tx, MessageSource messages) {
        this.cases = cases;
        this.tx = tx;
        this.messages = messages;
    }

    /** The caller's number and earlier cases; {@code statusText} in the agent's words (zh-CN). */
    record ScreenPop(String callId, Instant ringingAt, String queue, String agentInterface, String callerNumber,
                     List<EarlierCase> earlierCases) {
    }

    record EarlierCase(String caseNumber, String status, String statusText, String type, String subject,
                       Instant receivedAt, Instant handleBy) {
    }

    SseEmitter open(String username) {
        SseEmitter console = new SseEmitter(CONSOLE_TIMEOUT.toMillis());
        List<SseEmitter> mine = consoles.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>());
        mine.add(console);
        Runnable forget = () -> mine.remove(console);
        console.onCompletion(forget);
        console.onTimeout(forget);
        console.onError(e -> forget.run());
        try {
            // Tells the console it is connected before any call rings.
            console.send(SseEmitter.event().comment("connected"));
        } catch (IOException gone) {
            mine.remove(console);
        }
        return console;
    }

    @EventListener
    void ringing(QueueCallEvent.AgentRinging ringing) {
        List<SseEmitter> open = consoles.getOrDefault(ringing.staffUsername(), List.of());
        if (open.isEmpty()) {
            return;
        }
        ScreenPop pop = new ScreenPop(ringing.callId(), ringing.at(), ringing.queue(), ringing.agentInterface(),
                ringing.callerNumber(), earlierCases(ringing.callerNumber()));
        for (SseEmitter console : open) {
            try {
                console.send(SseEmitter.event().name(EVENT_NAME).id(ringing.callId()).data(pop));
            } catch (IOException | IllegalStateException closed) {
                open.remove(console);
                log.debug("console of {} is gone", ringing.staffUsername());
            }
        }
    }

    /** Open consoles would hold the web server's graceful shutdown for its whole timeout; they reconnect to another node. */
    @EventListener(ContextClosedEvent.class)
    void closeConsoles() {
        consoles.values().forEach(open -> open.forEach(SseEmitter::complete));
        consoles.clear();
    }

    private List<EarlierCase> earlierCases(String callerNumber) {
        String phone = PhoneNumbers.national(callerNumber);
        if (phone.isEmpty()) {
            return List.of();
        }
        return tx.execute(s -> cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(phone)).stream()
                .map(this::earlier).toList());
    }

    private EarlierCase earlier(HotlineCase c) {
        return new EarlierCase(c.getCaseNumber(), c.getStatus().name(),
                messages.getMessage("case.status." + c.getStatus().name(), null, Locale.SIMPLIFIED_CHINESE),
                c.getType().name(), c.getSubject(), c.getReceivedAt(), c.getHandleBy());
    }
}
