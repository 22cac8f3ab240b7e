package org.hotline8890.duty;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a roster CSV: a header row, then {@code department code, name, phone, start, end, role}, UTF-8
 * with or without a byte order mark (Excel writes one). Times are local to the hotline's zone,
 * {@code 2026-11-23 18:00} or {@code 2026-11-23T18:00}; an end may be a time of day alone (a day plus
 * hours: {@code 2026-11-23 18:00} to {@code 08:30}). Every bad line is reported, each with its
 * number as the file shows it (the header is line 1), so a clerk fixes them all in one go.
 */
final class RosterCsv {

    static final int COLUMNS = 6;
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,30}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** A line as read, with its raw fields; checking against the organisation happens in {@link DutyRoster}. */
    record Line(int number, String departmentCode, String name, String phone, String start, String end, String role) {
    }

    record Parsed(List<Line> lines, List<RosterProblem> problems) {
    }

    private RosterCsv() {
    }

    static Parsed read(byte[] bytes) {
        List<RosterProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new RosterProblem(1, "file", "encoding", "the file is not UTF-8 text"));
            return new Parsed(lines, problems);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rows = text.split("\r\n|\n|\r", -1);
        for (int i = 1; i < rows.length; i++) {
            int number = i + 1;
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> fields = split(rows[i]);
            if (fields.size() != COLUMNS) {
                problems.add(new RosterProblem(number, "line", "columns",
                        "expected " + COLUMNS + " columns, found " + fields.size()));
                continue;
            }
            lines.add(new Line(number, fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                    fields.get(5)));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new RosterProblem(1, "file", "empty", "the file has no shifts below its header row"));
        }
        return new Parsed(lines, problems);
    }

    /** A local date-time in the hotline's zone, or empty when it cannot be read. */
    static Optional<java.time.Instant> time(String value, ZoneId zone) {
        String v = value == null ? "" : value.trim();
        try {
            return Optional.of(LocalDateTime.parse(v, SPACED).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * An end given as a time of day alone ({@code 08:30}): the first such moment after the start, so a
     * night shift "2026-11-23 18:00 to 08:30" ends the next morning.
     */
    static Optional<java.time.Instant> endAfter(java.time.Instant start, String value, ZoneId zone) {
        try {
            java.time.LocalTime time = java.time.LocalTime.parse(value == null ? "" : value.trim());
            java.time.ZonedDateTime end = start.atZone(zone).with(time);
            return Optional.of(end.toInstant().isAfter(start) ? end.toInstant() : end.plusDays(1).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<DutyRole> role(String value) {
        try {
            return Optional.of(DutyRole.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Splits one CSV line: commas, fields optionally in double quotes with "" for a quote. */
    private static List<String> split(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char ch = row.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
