package org.hotline8890.channels.twilio;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import org.hotline8890.channels.CaseStatusLookup;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incoming SMS. "CX &lt;case number&gt;" is answered with that case's status, for the phone it was
 * filed from; a text with words is queued as a contact (the engine decides whether it opens a case,
 * adds to one or rates one) and acknowledged once it is durable; anything else asks for words.
 */
@RestController
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "true")
class TwilioSmsWebhook {

    /** The longest sender kept on a case (citizen_handle is 100 characters; Twilio's are far shorter). */
    private static final int MAX_SENDER = 64;

    private final IntakeQueue intake;
    private final CaseStatusLookup statuses;
    private final TwilioTexts texts;
    private final CaseNumberInput caseNumbers;
    private final Clock clock;

    TwilioSmsWebhook(IntakeQueue intake, CaseStatusLookup statuses, TwilioTexts texts,
                     @Value("${hotline.case-number-prefix:8890}") String caseNumberPrefix, Clock clock) {
        this.intake = intake;
        this.statuses = statuses;
        this.texts = texts;
        this.caseNumbers = new CaseNumberInput(caseNumberPrefix);
        this.clock = clock;
    }

    @PostMapping(path = TwilioWebhookConfiguration.WEBHOOKS + "/sms", produces = MediaType.APPLICATION_XML_VALUE)
    String receive(@RequestParam("MessageSid") String messageSid, @RequestParam("From") String from,
                   @RequestParam(name = "Body", required = false) String body, @RequestParam Map<String, String> form) {
        if (!canBeAnswered(from)) {
            // Twilio never sends this for a real text; a forged or broken sender gets no case and no reply.
            return new MessagingResponse.Builder().build().toXml();
        }
        SmsText sms = SmsText.of(body);
        if (sms.isUndecodable()) {
            return reply(texts.get("sms.askForWords"));
        }
        Optional<String> statusQuery = sms.statusQuery();
        if (statusQuery.isPresent()) {
            return reply(statusOf(statusQuery.get(), from));
        }
        if (!sms.hasWords()) {
            return reply(texts.get("sms.askForWords"));
        }
        intake.publish(contact(messageSid, from, sms.text(), mediaOf(form)));
        return reply(texts.get("sms.received"));
    }

    private String statusOf(String asWritten, String from) {
        return caseNumbers.findIn(asWritten)
                .map(number -> statuses.forCaller(number, from)
                        .map(report -> texts.status(report, report.caseNumber()))
                        .orElseGet(() -> texts.get("statusNotFound", number)))
                .orElseGet(() -> texts.get("sms.statusUsage"));
    }

    /** Pictures sent by MMS, kept as references to Twilio's media URLs (the hotline stores no bytes yet). */
    static List<ContactMessage.AttachmentRef> mediaOf(Map<String, String> form) {
        int count;
        try {
            count = Integer.parseInt(form.getOrDefault("NumMedia", "0").strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        List<ContactMessage.AttachmentRef> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = form.get("MediaUrl" + i);
            if (url != null && !url.isBlank()) {
                media.add(new ContactMessage.AttachmentRef(url.substring(url.lastIndexOf('/') + 1),
                        form.getOrDefault("MediaContentType" + i, "application/octet-stream"), 0, url));
            }
        }
        return media;
    }

    private ContactMessage contact(String messageSid, String from, String text, List<ContactMessage.AttachmentRef> media) {
        Optional<String> phone = PhoneNumbers.forCase(from);
        Map<String, String> metadata = new HashMap<>();
        caseNumbers.findIn(text).ifPresent(number -> metadata.put(ContactMessage.CASE_REFERENCE, number));
        // A sender that is not a phone number (an alphanumeric id) is still someone the reply can reach.
        ContactMessage.Sender sender = new ContactMessage.Sender(null, phone.orElse(null), null,
                phone.isPresent() ? null : from, false);
        return new ContactMessage(Channel.SMS, messageSid, clock.instant(), sender, null, text, media, null, null,
                null, null, null, false, false, null, metadata);
    }

    /** A sender a reply can reach: a phone number or an alphanumeric id, as Twilio writes them. */
    static boolean canBeAnswered(String from) {
        return from != null && !from.isBlank() && from.length() <= MAX_SENDER
                && from.codePoints().noneMatch(Character::isISOControl);
    }

    private static String reply(String text) {
        return new MessagingResponse.Builder()
                .message(new Message.Builder(text).build())
                .build().toXml();
    }
}
