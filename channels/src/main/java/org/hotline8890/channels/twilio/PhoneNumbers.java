package org.hotline8890.channels.twilio;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers between Twilio (E.164, "+8613812345678") and the hotline (national mobile numbers,
 * "13812345678", as agents and the web form record them).
 */
final class PhoneNumbers {

    private static final Pattern DIALABLE = Pattern.compile("\\+?\\d{5,20}");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("\\+861\\d{10}");
    /** What Twilio puts in From when the caller withheld or has no caller id. */
    private static final Set<String> WITHHELD = Set.of("+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253");

    private PhoneNumbers() {
    }

    /**
     * The number to keep on the case for a Twilio From: Chinese mobiles in their national form, other
     * numbers as Twilio gave them, and nothing for a withheld or non-phone caller (a SIP client).
     */
    static Optional<String> forCase(String twilioFrom) {
        String from = twilioFrom == null ? "" : twilioFrom.strip();
        if (!DIALABLE.matcher(from).matches() || WITHHELD.contains(from)) {
            return Optional.empty();
        }
        return Optional.of(CHINESE_MOBILE.matcher(from).matches() ? from.substring(3) : from);
    }

    /**
     * E.164 for sending: "+..." stays, "00..." becomes "+...", a national number gets the default
     * country code (without its trunk 0: "010 1234 5678" becomes "+861012345678").
     */
    static Optional<String> toE164(String phone, String defaultCountryCode) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 5) {
            return Optional.empty();
        }
        if (phone.strip().startsWith("+")) {
            return Optional.of("+" + digits);
        }
        if (digits.startsWith("00")) {
            return Optional.of("+" + digits.substring(2));
        }
        return Optional.of("+" + defaultCountryCode + (digits.startsWith("0") ? digits.substring(1) : digits));
    }
}
