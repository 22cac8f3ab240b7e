package org.hotline8890.channels.asterisk;

import static org.hotline8890.channels.asterisk.IvrPrompts.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline8890.channels.CaseStatusLookup;
import org.hotline8890.channels.CaseStatusLookup.CaseStatusReport;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.IntakeReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The hotline IVR, one run per call: greeting, then 1 = leave a request, 2 = status of a case,
 * 0 = an agent. It leaves the call by setting the route variable ({@code agent} or {@code done}) for
 * the dialplan. A request is published only once its recording is complete, so a caller who hangs up
 * before saying anything leaves no case; one who hangs up while speaking has still made a request.
 */
@Component
@ConditionalOnProperty(name = "hotline.channels.asterisk.agi.enabled", havingValue = "true")
class HotlineIvr extends BaseAgiScript {

    static final String ROUTE_AGENT = "agent";
    static final String ROUTE_DONE = "done";
    static final String MENU_KEYS = "120";

    private static final Logger log = LoggerFactory.getLogger(HotlineIvr.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Duration RECEIPT_POLL = Duration.ofMillis(200);

    private final IntakeQueue queue;
    private final IntakeReceipts receipts;
    private final CaseStatusLookup statusLookup;
    private final MessageSource messages;
    private final AsteriskSettings.Ivr settings;
    private final Clock clock;

    HotlineIvr(IntakeQueue queue, IntakeReceipts receipts, CaseStatusLookup statusLookup, MessageSource messages,
               AsteriskSettings settings, Clock clock) {
        this.queue = queue;
        this.receipts = receipts;
        this.statusLookup = statusLookup;
        this.messages = messages;
        this.settings = settings.ivr();
        this.clock = clock;
    }

    /** What a menu leads to: the caller is served, goes to an agent, or the menu is offered again. */
    private enum Outcome { DONE, AGENT, AGAIN }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Caller caller = new Caller(request.getUniqueId(), blankToNull(request.getCallerIdNumber()),
                request.getChannel(), request.getDnid());
        try {
            answer();
            streamFile(settings.staffedAt(LocalTime.now(clock.withZone(settings.zone()))) ? WELCOME : WELCOME_AFTER_HOURS);
            Outcome outcome = mainMenu(caller);
            setVariable(settings.routeVariable(), outcome == Outcome.AGENT ? ROUTE_AGENT : ROUTE_DONE);
        } catch (AgiHangupException hungUp) {
            log.debug("caller {} hung up in the IVR", caller.uniqueId());
        } catch (AgiException unreadable) {
            // Asterisk answered with something the IVR cannot act on (510, 520, no status at all). A request
            // is queued only after a readable recording, so there is no half case; a person takes the call.
            // One line, no stack trace: the fault is on Asterisk's side, and the next call is served as usual.
            log.warn("call {}: {}; sending the caller to an agent", caller.uniqueId(), unreadable.getMessage());
            toAgentAfterUnreadableReply(caller);
        }
    }

    private void toAgentAfterUnreadableReply(Caller caller) {
        try {
            streamFile(TRANSFER_TO_AGENT);
            setVariable(settings.routeVariable(), ROUTE_AGENT);
        } catch (AgiException again) {
            // The dialplan set the route to an agent before calling the IVR, so the caller still gets one.
            log.debug("call {}: could not set the route after an unreadable reply: {}", caller.uniqueId(),
                    again.getMessage());
        }
    }

    private Outcome mainMenu(Caller caller) throws AgiException {
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            char key = getOption(MENU, MENU_KEYS, settings.digitTimeout().toMillis());
            hangUpIfDead();
            Outcome outcome = switch (key) {
                case '1' -> leaveRequest(caller);
                case '2' -> statusOfCase(caller);
                case '0' -> Outcome.AGENT;
                default -> {
                    streamFile(INVALID_CHOICE);
                    yield Outcome.AGAIN;
                }
            };
            if (outcome != Outcome.AGAIN) {
                return outcome;
            }
        }
        return toAgent();
    }

    private Outcome leaveRequest(Caller caller) throws AgiException {
        streamFile(RECORD_AFTER_BEEP);
        String recording = settings.recordingDirectory() + "/" + caller.recordingName();
        recordFile(recording, settings.recordingFormat(), "#", (int) settings.maxRecording().toMillis(), 0, true,
                (int) settings.maxSilence().toSeconds());
        AgiReply reply = readable(getLastReply());
        boolean hungUp = "-1".equals(reply.getResult()) || "hangup".equals(reply.getExtra());
        Duration length = recordedLength(reply.getAttribute("endpos"));
        if (length.compareTo(settings.minRecording()) < 0) {
            if (hungUp) {
                throw new AgiHangupException();
            }
            streamFile(RECORDING_EMPTY);
            return Outcome.AGAIN;
        }
        ContactMessage contact = request(caller, recording + "." + settings.recordingFormat(), length,
                hungUp ? "hangup" : reply.getExtra());
        try {
            queue.publish(contact);
        } catch (RuntimeException queueDown) {
            // Not acknowledged, so not lost: the caller is put through to a person instead.
            log.error("could not queue the request of call {}; sending the caller to an agent", caller.uniqueId(), queueDown);
            if (hungUp) {
                throw new AgiHangupException();
            }
            streamFile(TECHNICAL_PROBLEM);
            return Outcome.AGENT;
        }
        if (hungUp) {
            throw new AgiHangupException();
        }
        streamFile(REQUEST_RECORDED);
        Optional<String> caseNumber = awaitCaseNumber(contact);
        if (caseNumber.isPresent()) {
            streamFile(YOUR_CASE_NUMBER_IS);
            sayDigits(CaseNumberDigits.spoken(caseNumber.get()));
            streamFile(QUERY_CODE_BY_SMS);
        } else {
            streamFile(NUMBER_BY_SMS);
        }
        streamFile(GOODBYE);
        return Outcome.DONE;
    }

    private Outcome statusOfCase(Caller caller) throws AgiException {
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            String keyed = getData(ENTER_CASE_NUMBER, settings.digitTimeout().toMillis(), 20);
            hangUpIfDead();
            if (keyed == null || keyed.isBlank()) {
                continue;
            }
            Optional<CaseStatusReport> report = CaseNumberDigits.caseNumber(keyed, settings.caseNumberPrefix())
                    .flatMap(number -> caller.phone() == null ? Optional.empty() : statusLookup.forCaller(number, caller.phone()));
            if (report.isEmpty()) {
                streamFile(CASE_NOT_FOUND);
                continue;
            }
            streamFile(CASE_STATUS_IS);
            streamFile(IvrPrompts.status(report.get().status()));
            if (report.get().deadline() != null) {
                streamFile(DEADLINE_IS);
                sayDateTime(report.get().deadline().getEpochSecond(), "", settings.deadlineFormat(), settings.zone().getId());
            }
            streamFile(GOODBYE);
            return Outcome.DONE;
        }
        return toAgent();
    }

    private Outcome toAgent() throws AgiException {
        streamFile(TRANSFER_TO_AGENT);
        return Outcome.AGENT;
    }

    private ContactMessage request(Caller caller, String recordingRef, Duration length, String endedBy) {
        Instant now = clock.instant();
        String from = caller.phone() == null ? messages.getMessage("channel.asterisk.request.noCallerId", null, CHINESE)
                : caller.phone();
        String subject = messages.getMessage("channel.asterisk.request.subject", null, CHINESE);
        String text = messages.getMessage("channel.asterisk.request.text",
                new Object[] {from, length.toSeconds(), recordingRef}, CHINESE);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("menuPath", "1");
        metadata.put("asteriskUniqueId", caller.uniqueId());
        putIfPresent(metadata, "asteriskChannel", caller.channelName());
        putIfPresent(metadata, "callerId", caller.phone());
        putIfPresent(metadata, "dialledNumber", caller.dialled());
        metadata.put("recordingSeconds", Long.toString(length.toSeconds()));
        putIfPresent(metadata, "recordingEndedBy", endedBy);
        ContactMessage.Sender sender = caller.phone() == null ? ContactMessage.Sender.unknown()
                : new ContactMessage.Sender(null, caller.phone(), null, null, false);
        String fileName = recordingRef.substring(recordingRef.lastIndexOf('/') + 1);
        var attachment = new ContactMessage.AttachmentRef(fileName, "audio/" + settings.recordingFormat(),
                wavBytes(length), "asterisk:" + recordingRef);
        return new ContactMessage(Channel.PHONE, caller.uniqueId(), now, sender, subject, text, List.of(attachment),
                null, null, null, null, null, false, false, recordingRef, metadata);
    }

    private Optional<String> awaitCaseNumber(ContactMessage contact) {
        Instant giveUp = clock.instant().plus(settings.receiptWait());
        while (true) {
            Optional<String> number = receipts.caseNumberFor(contact.channel(), contact.channelMessageId());
            if (number.isPresent() || !clock.instant().isBefore(giveUp)) {
                return number;
            }
            try {
                Thread.sleep(RECEIPT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Asterisk answers a command on a channel that hung up with result -1 before it refuses the next
     * one. The result is compared as text: keyed digits do not fit in an int.
     */
    private void hangUpIfDead() throws AgiException {
        if ("-1".equals(readable(getLastReply()).getResult())) {
            throw new AgiHangupException();
        }
    }

    /**
     * Asterisk-Java throws on 510 and 520 itself, but hands on any other line (garbage, a truncated
     * reply) as if it said nothing. A key or a recording read from such a line would be made up: refuse it.
     */
    private static AgiReply readable(AgiReply reply) throws AgiException {
        if (reply.getStatus() != AgiReply.SC_SUCCESS) {
            throw new AgiException("Asterisk's reply '" + reply.getFirstLine() + "' cannot be read");
        }
        return reply;
    }

    private Duration recordedLength(String endpos) {
        try {
            long samples = endpos == null ? 0 : Long.parseLong(endpos.strip());
            return Duration.ofMillis(samples * 1000 / settings.sampleRate());
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** 16-bit mono PCM plus the 44-byte header is what Asterisk's wav format writes; other formats are not sized. */
    private long wavBytes(Duration length) {
        return "wav".equalsIgnoreCase(settings.recordingFormat())
                ? 44 + length.toMillis() * settings.sampleRate() * 2 / 1000
                : 0;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || "anonymous".equalsIgnoreCase(s) ? null : s.strip();
    }

    private record Caller(String uniqueId, String phone, String channelName, String dialled) {
        /** Asterisk's unique id is unique per server and safe as a file name once its dot is gone. */
        String recordingName() {
            return "request-" + uniqueId.replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }
}
