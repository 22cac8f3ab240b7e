package org.hotline8890.channels.twilio;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hotline8890.channels.CaseStatusLookup.CaseStatusReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What callers hear and texters read, from the message bundles ({@code channel.twilio.*}, zh-CN). */
@Component
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "true")
class TwilioTexts {

    private static final Locale CITIZEN_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final ZoneId zone;

    TwilioTexts(MessageSource messages, @Value("${hotline.zone:Asia/Shanghai}") ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    String get(String key, Object... args) {
        return messages.getMessage("channel.twilio." + key, args, CITIZEN_LOCALE);
    }

    /** A case's status in words; {@code numberAsTold} is the number as written or as a voice reads it. */
    String status(CaseStatusReport report, String numberAsTold) {
        if (report.deadline() == null) {
            return get("status", numberAsTold, report.statusText());
        }
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(get("deadlinePattern"), CITIZEN_LOCALE);
        return get("statusWithDeadline", numberAsTold, report.statusText(), pattern.format(report.deadline().atZone(zone)));
    }
}
