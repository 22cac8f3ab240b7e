package org.hotline8890.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The months a reader chose on the dashboard and the ranking, read from the query string. A month is
 * written {@code yyyy-MM}, the value of an {@code <input type="month">}.
 */
final class Months {

    /** A period longer than this is refused: three years of monthly columns is already more than a chart can show. */
    static final int MAX_MONTHS = 36;

    /** A parameter the reader got wrong: the page shows {@code reason} next to the chooser, a download answers 400. */
    static final class BadParameter extends RuntimeException {

        private final String parameter;
        private final String reason;

        BadParameter(String parameter, String reason) {
            super(parameter + ": " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        String parameter() {
            return parameter;
        }

        /** A message key. */
        String reason() {
            return reason;
        }
    }

    /** {@code from} and {@code to}, both included. */
    record Period(YearMonth from, YearMonth to) {

        int length() {
            return (int) ChronoUnit.MONTHS.between(from, to) + 1;
        }
    }

    private Months() {
    }

    /** Blank {@code to} is the current month, blank {@code from} the eleventh month before {@code to}: a year. */
    static Period period(String from, String to, YearMonth current) {
        YearMonth last = to.isBlank() ? current : month("to", to);
        YearMonth first = from.isBlank() ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw new BadParameter("to", "page.dashboard.problem.order");
        }
        Period period = new Period(first, last);
        if (period.length() > MAX_MONTHS) {
            throw new BadParameter("from", "page.dashboard.problem.tooLong");
        }
        return period;
    }

    /** Blank is the last full month, the one the ranking is published for. */
    static YearMonth rankingMonth(String month, YearMonth current) {
        return month.isBlank() ? current.minusMonths(1) : month("month", month);
    }

    static YearMonth month(String parameter, String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException notAMonth) {
            throw new BadParameter(parameter, "page.dashboard.problem.month");
        }
    }
}
