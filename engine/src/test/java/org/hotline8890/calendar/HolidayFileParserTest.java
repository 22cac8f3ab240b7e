package org.hotline8890.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline8890.calendar.HolidayFiles.ics;
import static org.hotline8890.calendar.HolidayFiles.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayFileParserTest {

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024, 2025, 2026})
    void jsonAndIcsFilesOfAYearGiveTheSameDays(int year) {
        ParsedCalendar fromJson = json(year);
        ParsedCalendar fromIcs = ics(year);

        assertThat(fromJson.year()).isEqualTo(year);
        assertThat(fromIcs.year()).isEqualTo(year);
        assertThat(fromJson.days()).isNotEmpty();
        assertThat(fromIcs.days()).containsExactlyElementsOf(fromJson.days());
    }

    @Test
    void theNationalDayHolidayAndItsMakeUpWorkingDaysAreRead() {
        assertThat(json(2026).days()).contains(
                new CalendarDay(LocalDate.of(2026, 9, 20), false, "国庆节"),
                new CalendarDay(LocalDate.of(2026, 10, 1), true, "国庆节"),
                new CalendarDay(LocalDate.of(2026, 10, 7), true, "国庆节"),
                new CalendarDay(LocalDate.of(2026, 10, 10), false, "国庆节"));
    }

    @Test
    void aNewYearHolidayBeginningInTheDecemberBeforeBelongsToTheNextYearsNotice() {
        assertThat(json(2023).days()).first().isEqualTo(new CalendarDay(LocalDate.of(2022, 12, 31), true, "元旦"));
    }

    @Test
    void aYearWithoutANoticeParsesToNoDays() {
        assertThat(json(2027)).isEqualTo(new ParsedCalendar(2027, List.of()));
        assertThat(ics(2027)).isEqualTo(new ParsedCalendar(2027, List.of()));
    }

    @Test
    void icsLinesMayBeFoldedEndWithLfAndEventsSpanSeveralDaysUpToAnExclusiveEnd() {
        String file = String.join("\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "BEGIN:VEVENT",
                "SUMMARY:国庆",
                " 节假期",
                "DTSTART;VALUE=DATE:20261001",
                "DTEND;VALUE=DATE:20261008",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "SUMMARY:上班(补国庆",
                "\t节假期)",
                "DTSTART;VALUE=DATE:20261010",
                "END:VEVENT",
                "END:VCALENDAR",
                "");

        ParsedCalendar parsed = HolidayFileParser.parseIcs(utf8(file), 2026);

        assertThat(parsed.days()).hasSize(8);
        assertThat(parsed.days()).first().isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 1), true, "国庆节"));
        assertThat(parsed.days()).element(6).isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 7), true, "国庆节"));
        assertThat(parsed.days()).last().isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 10), false, "国庆节"));
    }

    @Test
    void malformedJsonIsRefusedWithTheLineOfTheFault() {
        String file = "{\"year\": 2026,\n \"days\": [\n  {\"name\": \"国庆节\", \"date\": \"2026-10-01\" \"isOffDay\": true}\n]}";

        assertThatThrownBy(() -> HolidayFileParser.parseJson(utf8(file)))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith("JSON line 3, column");
    }

    @Test
    void aJsonDayWithAnImpossibleDateIsRefusedNamingTheEntry() {
        String file = """
                {"year": 2026, "days": [
                  {"name": "国庆节", "date": "2026-10-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2026-10-32", "isOffDay": true}
                ]}""";

        assertThatThrownBy(() -> HolidayFileParser.parseJson(utf8(file)))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("JSON line 3: days[1]: \"date\" must be a date such as 2026-10-01, got \"2026-10-32\"");
    }

    @Test
    void aJsonFileWithoutDaysIsRefused() {
        assertThatThrownBy(() -> HolidayFileParser.parseJson(utf8("{\"year\": 2026}")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("JSON line 1: the object has no \"days\"");
    }

    @Test
    void aJsonDayOutsideTheFilesYearIsRefused() {
        String file = "{\"year\": 2026,\n\"days\": [{\"name\": \"国庆节\", \"date\": \"2025-10-01\", \"isOffDay\": true}]}";

        assertThatThrownBy(() -> HolidayFileParser.parseJson(utf8(file)))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("JSON line 2: 2025-10-01 does not belong to the 2026 notice, which lists days of 2026 and December 2025 only");
    }

    @Test
    void anIcsFileOfferedForTheWrongYearIsRefused() throws IOException {
        try (InputStream in = HolidayFiles.resource("2025.ics")) {
            assertThatThrownBy(() -> HolidayFileParser.parseIcs(in, 2026))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessageMatching("ICS line \\d+: 2025-01-01 does not belong to the 2026 notice.*");
        }
    }

    @Test
    void aJsonFileOfferedAsIcsIsRefusedAtTheFirstLine() throws IOException {
        try (InputStream in = HolidayFiles.resource("2026.json")) {
            assertThatThrownBy(() -> HolidayFileParser.parseIcs(in, 2026))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessage("ICS line 1: not an iCalendar file, which must begin with BEGIN:VCALENDAR");
        }
    }

    @Test
    void anIcsEventLeftOpenIsRefusedWhereItShouldHaveEnded() {
        String file = event("SUMMARY:国庆节假期", "DTSTART;VALUE=DATE:20261001").replace("END:VEVENT\r\n", "");

        assertThatThrownBy(() -> HolidayFileParser.parseIcs(utf8(file), 2026))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("ICS line 5: END:VCALENDAR where END:VEVENT was expected");
    }

    @Test
    void anIcsDateWithATimeIsRefused() {
        String file = event("SUMMARY:国庆节假期", "DTSTART:20261001T000000");

        assertThatThrownBy(() -> HolidayFileParser.parseIcs(utf8(file), 2026))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("ICS line 4: DTSTART must be an all-day date such as 20261001 (VALUE=DATE), got \"20261001T000000\"");
    }

    @Test
    void anIcsEventEndingBeforeItStartsIsRefused() {
        String file = event("SUMMARY:国庆节假期", "DTSTART;VALUE=DATE:20261008", "DTEND;VALUE=DATE:20261001");

        assertThatThrownBy(() -> HolidayFileParser.parseIcs(utf8(file), 2026))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("ICS line 5: DTEND 20261001 must be after DTSTART 20261008 (the end date is exclusive)");
    }

    @Test
    void anIcsEventThatIsNeitherDaysOffNorAWorkingDayIsRefused() {
        String file = event("SUMMARY:国庆节", "DTSTART;VALUE=DATE:20261001");

        assertThatThrownBy(() -> HolidayFileParser.parseIcs(utf8(file), 2026))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("ICS line 3: cannot tell whether \"国庆节\" is days off (…假期) or a working day (上班…)");
    }

    @Test
    void aDayListedByTwoIcsEventsIsRefused() {
        String file = event("SUMMARY:国庆节假期", "DTSTART;VALUE=DATE:20261001", "DTEND;VALUE=DATE:20261008")
                .replace("END:VCALENDAR\r\n", "")
                + "BEGIN:VEVENT\r\nSUMMARY:上班(补国庆节假期)\r\nDTSTART;VALUE=DATE:20261007\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";

        assertThatThrownBy(() -> HolidayFileParser.parseIcs(utf8(file), 2026))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage("ICS line 9: 2026-10-07 is listed twice (first on line 4)");
    }

    /** A calendar holding one event with these properties, lines ending CRLF; the event begins on line 2. */
    private static String event(String... properties) {
        return "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + String.join("\r\n", properties)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
