package org.hotline8890.channels.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import org.hotline8890.channels.CaseStatusLookup;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hotline's phone menu on Twilio Voice: 1 leaves a request (a recording, queued as a contact
 * once Twilio reports it complete), 2 tells the status of a case filed from the calling number, 0
 * reaches an agent. Invalid or no input repeats the menu {@code menuRepeats} times, then an agent
 * answers. The count of invalid inputs travels in the callback path: Twilio keeps no state for us.
 */
@RestController
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "true")
class TwilioVoiceWebhook {

    private static final String LEAVE_A_REQUEST = "1";
    private static final String VOICE = TwilioWebhookConfiguration.WEBHOOKS + "/voice";
    private static final String XML = MediaType.APPLICATION_XML_VALUE;
    private static final int MENU_TIMEOUT_SECONDS = 6;
    private static final int CASE_NUMBER_TIMEOUT_SECONDS = 10;
    private static final int SILENCE_ENDS_RECORDING_SECONDS = 5;

    private final TwilioSettings settings;
    private final IntakeQueue intake;
    private final CaseStatusLookup statuses;
    private final TwilioTexts texts;
    private final CaseNumberInput caseNumbers;
    private final AgentLine agents;
    private final Clock clock;

    TwilioVoiceWebhook(TwilioSettings settings, IntakeQueue intake, CaseStatusLookup statuses, TwilioTexts texts,
                       @Value("${hotline.case-number-prefix:8890}") String caseNumberPrefix, Clock clock) {
        this.settings = settings;
        this.intake = intake;
        this.statuses = statuses;
        this.texts = texts;
        this.caseNumbers = new CaseNumberInput(caseNumberPrefix);
        this.agents = new AgentLine(settings);
        this.clock = clock;
    }

    /** A call comes in. */
    @PostMapping(path = VOICE, produces = XML)
    String incomingCall() {
        return menu(new VoiceResponse.Builder().say(say(texts.get("voice.greeting"))), 0).build().toXml();
    }

    @PostMapping(path = VOICE + "/menu/{invalidInputs}", produces = XML)
    String menuAgain(@PathVariable int invalidInputs) {
        return menu(new VoiceResponse.Builder(), invalidInputs).build().toXml();
    }

    @PostMapping(path = VOICE + "/choice/{invalidInputs}", produces = XML)
    String choice(@PathVariable int invalidInputs, @RequestParam(name = "Digits", required = false) String digits,
                  @RequestParam(name = "From", required = false) String from) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        String choice = digits == null ? "" : digits.strip();
        return switch (choice) {
            case "1" -> leaveRequest(response, from).build().toXml();
            case "2" -> askCaseNumber(response, 0).build().toXml();
            case "0" -> agent(response, from).build().toXml();
            default -> {
                response.say(say(texts.get("voice.invalidChoice")));
                yield (invalidInputs + 1 > settings.menuRepeats()
                        ? agent(response, from) : menu(response, invalidInputs + 1)).build().toXml();
            }
        };
    }

    @PostMapping(path = VOICE + "/case-number/{invalidInputs}", produces = XML)
    String caseNumber(@PathVariable int invalidInputs, @RequestParam(name = "Digits", required = false) String digits,
                      @RequestParam(name = "From", required = false) String from) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        Optional<String> number = caseNumbers.fromKeypad(digits);
        if (number.isEmpty()) {
            response.say(say(texts.get("voice.invalidCaseNumber")));
            return (invalidInputs + 1 > settings.menuRepeats()
                    ? agent(response, from) : askCaseNumber(response, invalidInputs + 1)).build().toXml();
        }
        String spoken = CaseNumberInput.spokenDigits(number.get());
        String answer = statuses.forCaller(number.get(), from)
                .map(report -> texts.status(report, spoken))
                .orElseGet(() -> texts.get("statusNotFound", spoken));
        return response.say(say(answer)).redirect(redirect(VOICE + "/menu/0")).build().toXml();
    }

    /** Twilio calls this when the caller finished speaking (the recording itself is reported separately). */
    @PostMapping(path = VOICE + "/recorded", produces = XML)
    String recorded(@RequestParam(name = "From", required = false) String from) {
        String words = PhoneNumbers.forCase(from).isPresent()
                ? texts.get("voice.recorded") : texts.get("voice.recordedWithheldNumber");
        return new VoiceResponse.Builder().say(say(words)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /**
     * Twilio's recording status callback: the recording is ready, so the request becomes a contact.
     * Its RecordingSid is the message id, so a repeated callback queues nothing new. The caller's
     * number is not among the callback's parameters; it comes in the (signed) callback URL.
     */
    @PostMapping(path = VOICE + "/recording")
    ResponseEntity<Void> recordingReady(@RequestParam("RecordingSid") String recordingSid,
                                        @RequestParam("RecordingUrl") String recordingUrl,
                                        @RequestParam(name = "RecordingStatus", required = false) String status,
                                        @RequestParam(name = "RecordingDuration", required = false) String seconds,
                                        @RequestParam(name = "CallSid", required = false) String callSid,
                                        @RequestParam(name = "caller", required = false) String caller) {
        if (status != null && !"completed".equals(status)) {
            return ResponseEntity.noContent().build();
        }
        Optional<String> phone = PhoneNumbers.forCase(caller);
        ContactMessage.Sender sender = phone
                .map(p -> new ContactMessage.Sender(null, p, null, null, false))
                .orElseGet(ContactMessage.Sender::unknown);
        Map<String, String> metadata = new HashMap<>();
        metadata.put("menuPath", LEAVE_A_REQUEST);
        metadata.put("recordingSid", recordingSid);
        if (callSid != null) {
            metadata.put("callSid", callSid);
        }
        String duration = seconds == null ? "?" : seconds;
        intake.publish(new ContactMessage(Channel.PHONE, recordingSid, clock.instant(), sender,
                texts.get("voicemail.subject"), texts.get("voicemail.text", duration, recordingUrl), null, null,
                null, null, null, null, false, false, recordingUrl, metadata));
        return ResponseEntity.noContent().build();
    }

    private VoiceResponse.Builder menu(VoiceResponse.Builder response, int invalidInputs) {
        String choice = VOICE + "/choice/" + invalidInputs;
        return response
                .gather(new Gather.Builder().numDigits(1).timeout(MENU_TIMEOUT_SECONDS)
                        .action(settings.publicUrl(choice)).say(say(texts.get("voice.menu"))).build())
                // No key pressed: Twilio goes on to the next verb, which counts it as invalid input.
                .redirect(redirect(choice));
    }

    private VoiceResponse.Builder leaveRequest(VoiceResponse.Builder response, String from) {
        String callback = VOICE + "/recording"
                + (from == null ? "" : "?caller=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        return response
                .say(say(texts.get("voice.recordPrompt")))
                .record(new Record.Builder()
                        .action(settings.publicUrl(VOICE + "/recorded"))
                        .recordingStatusCallback(settings.publicUrl(callback))
                        .recordingStatusCallbackEvents(Record.RecordingEvent.COMPLETED)
                        .maxLength(settings.maxRecordingSeconds())
                        .timeout(SILENCE_ENDS_RECORDING_SECONDS)
                        .finishOnKey("#")
                        .playBeep(true)
                        .build())
                // Twilio skips the action and comes here when nothing was recorded.
                .say(say(texts.get("voice.nothingRecorded")))
                .redirect(redirect(VOICE + "/menu/0"));
    }

    private VoiceResponse.Builder askCaseNumber(VoiceResponse.Builder response, int invalidInputs) {
        String next = VOICE + "/case-number/" + invalidInputs;
        return response
                .gather(new Gather.Builder().finishOnKey("#").timeout(CASE_NUMBER_TIMEOUT_SECONDS)
                        .action(settings.publicUrl(next)).say(say(texts.get("voice.caseNumberPrompt"))).build())
                .redirect(redirect(next));
    }

    private VoiceResponse.Builder agent(VoiceResponse.Builder response, String from) {
        if (agents.isConfigured()) {
            return agents.connect(response.say(say(texts.get("voice.toAgent"))));
        }
        return leaveRequest(response.say(say(texts.get("voice.noAgent"))), from);
    }

    private Redirect redirect(String path) {
        return new Redirect.Builder(settings.publicUrl(path)).build();
    }

    private static Say say(String words) {
        return new Say.Builder(words).language(Say.Language.ZH_CN).build();
    }
}
