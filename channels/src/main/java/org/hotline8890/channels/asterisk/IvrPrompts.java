package org.hotline8890.channels.asterisk;

import java.util.Locale;

/**
 * The IVR's sound files, as Asterisk names them (no extension, relative to its sounds directory).
 * What each one says is in the message bundles under {@code channel.asterisk.prompt.*}.
 */
final class IvrPrompts {

    static final String WELCOME = "hotline/welcome";
    static final String WELCOME_AFTER_HOURS = "hotline/welcome-after-hours";
    static final String MENU = "hotline/menu";
    static final String INVALID_CHOICE = "hotline/invalid-choice";
    static final String TRANSFER_TO_AGENT = "hotline/transfer-to-agent";
    static final String RECORD_AFTER_BEEP = "hotline/record-after-beep";
    static final String RECORDING_EMPTY = "hotline/recording-empty";
    static final String REQUEST_RECORDED = "hotline/request-recorded";
    static final String YOUR_CASE_NUMBER_IS = "hotline/your-case-number-is";
    static final String QUERY_CODE_BY_SMS = "hotline/query-code-by-sms";
    static final String NUMBER_BY_SMS = "hotline/number-by-sms";
    static final String ENTER_CASE_NUMBER = "hotline/enter-case-number";
    static final String CASE_NOT_FOUND = "hotline/case-not-found";
    static final String CASE_STATUS_IS = "hotline/case-status-is";
    static final String DEADLINE_IS = "hotline/deadline-is";
    static final String TECHNICAL_PROBLEM = "hotline/technical-problem";
    static final String GOODBYE = "hotline/goodbye";

    private IvrPrompts() {
    }

    /** One file per case status, e.g. {@code hotline/status-dispatched}. */
    static String status(String caseStatus) {
        return "hotline/status-" + caseStatus.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
