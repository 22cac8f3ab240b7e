package org.hotline8890.calendar;

/** A holiday file that cannot be read; the message says what is wrong and where, for an admin. */
public class CalendarFormatException extends RuntimeException {

    public CalendarFormatException(String message) {
        super(message);
    }

    public CalendarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
