package org.hotline8890.notification;

import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline8890.cases.CitizenContact;
import org.hotline8890.channels.Channel;

/**
 * Which channel reaches the citizen of a case. Replies go back the way the request came (mail to
 * mail, SMS to SMS, microblog to microblog); a phone call or a web/app/Open311 request is answered
 * by SMS when a mainland mobile number is known, else by mail. Anonymous citizens are never
 * contacted: they follow the case with its number and query code.
 */
final class ReplyChannelPolicy {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("(?:\\+?86|0086)?1[3-9]\\d{9}");

    private ReplyChannelPolicy() {
    }

    static Optional<Channel> channelFor(Channel caseChannel, CitizenContact contact) {
        if (contact.anonymous()) {
            return Optional.empty();
        }
        return switch (caseChannel) {
            case MAIL -> present(contact.email()) ? Optional.of(Channel.MAIL) : bySmsOrMail(contact);
            case SMS -> present(contact.phone()) ? Optional.of(Channel.SMS) : bySmsOrMail(contact);
            case MICROBLOG -> present(contact.handle()) ? Optional.of(Channel.MICROBLOG) : bySmsOrMail(contact);
            case PHONE, WEB, APP, OPEN311 -> bySmsOrMail(contact);
        };
    }

    static boolean isMobile(String phone) {
        return phone != null && MAINLAND_MOBILE.matcher(phone.replaceAll("[\\s-]", "")).matches();
    }

    private static Optional<Channel> bySmsOrMail(CitizenContact contact) {
        if (isMobile(contact.phone())) {
            return Optional.of(Channel.SMS);
        }
        return present(contact.email()) ? Optional.of(Channel.MAIL) : Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
