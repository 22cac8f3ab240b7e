package org.hotline8890.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.IntStream;

/** The real holiday-cn files on the classpath, and Shanghai times for readable tests. */
final class HolidayFiles {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private HolidayFiles() {
    }

    static ParsedCalendar json(int year) {
        try (InputStream in = resource(year + ".json")) {
            return HolidayFileParser.parseJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedCalendar ics(int year) {
        try (InputStream in = resource(year + ".ics")) {
            return HolidayFileParser.parseIcs(in, year);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String fileName) {
        InputStream in = HolidayFiles.class.getResourceAsStream("/holiday-cn/" + fileName);
        if (in == null) {
            throw new IllegalStateException("no resource /holiday-cn/" + fileName);
        }
        return in;
    }

    /** Every shipped year, 2023–2027; 2027 has no notice yet. */
    static HolidayCalendar shipped() {
        return HolidayCalendar.from(IntStream.rangeClosed(2023, 2027).mapToObj(HolidayFiles::json).toList());
    }

    /** A local time in Shanghai, e.g. "2026-09-30T10:00". */
    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
