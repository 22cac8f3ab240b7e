package org.hotline8890.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the files of the holiday-cn project (github.com/NateScarlet/holiday-cn), one year per file,
 * as JSON or as iCalendar. Both are checked alike: each day must belong to the file's year (or to
 * the December before, where 元旦 can begin) and appear once. A file that cannot be read is refused
 * with a {@link CalendarFormatException} naming the line, never read in part.
 */
public final class HolidayFileParser {

    // The caller opened the stream, so the caller closes it.
    private static final ObjectMapper JSON =
            new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern ICS_DATE = Pattern.compile("\\d{8}");
    private static final Set<String> EVENT_PROPERTIES = Set.of("SUMMARY", "DTSTART", "DTEND", "DURATION");
    private static final String WORKING_DAY_PREFIX = "上班";
    private static final String DAY_OFF_SUFFIX = "假期";
    // holiday-cn names days off "国庆节假期" and make-up working days "上班(补国庆节假期)"; the JSON says "国庆节".
    private static final Pattern SUMMARY_DECORATION = Pattern.compile("^上班[(（]?补?|(?:假期)?[)）]?$");

    private HolidayFileParser() {
    }

    /** A day as read, with the line it came from, for messages. */
    private record Entry(CalendarDay day, int line) {
    }

    /** An unfolded iCalendar line: NAME[;params]:value, parameters dropped. */
    private record ContentLine(int number, String name, String value) {
    }

    /** Reads a year's JSON file: {@code {"year": 2026, "days": [{"name", "date", "isOffDay"}, ...]}}. */
    public static ParsedCalendar parseJson(InputStream in) {
        Objects.requireNonNull(in, "in");
        try (JsonParser json = JSON.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw jsonError(json, "expected a JSON object with \"year\" and \"days\"");
            }
            Integer year = null;
            List<Entry> days = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "year" -> year = jsonYear(json);
                    case "days" -> days = jsonDays(json);
                    default -> json.skipChildren();
                }
            }
            if (year == null || days == null) {
                throw jsonError(json, "the object has no \"" + (year == null ? "year" : "days") + "\"");
            }
            if (json.nextToken() != null) {
                throw jsonError(json, "unexpected content after the end of the JSON object");
            }
            return checked("JSON", year, days);
        } catch (JsonProcessingException e) {
            // Jackson's own wording for a truncated file points at an internal "source" admins cannot see.
            String problem = e instanceof JsonEOFException
                    ? "the file ends before the JSON is complete" : e.getOriginalMessage();
            JsonLocation where = e.getLocation();
            throw new CalendarFormatException(where == null ? "JSON: " + problem
                    : "JSON line %d, column %d: %s".formatted(where.getLineNr(), where.getColumnNr(), problem),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a year's iCalendar file. The year comes from the caller (usually the file name) because the
     * file alone cannot always tell: a year without a notice has no events, and the calendar's name
     * carries no year. The events are checked against it, so a 2025 file offered as 2026 is refused.
     */
    public static ParsedCalendar parseIcs(InputStream in, int year) {
        Objects.requireNonNull(in, "in");
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be a year such as 2026, got " + year);
        }
        List<ContentLine> lines = contentLines(utf8(in));
        List<Entry> days = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Map<String, ContentLine> event = new HashMap<>();
        int eventLine = 0;
        for (ContentLine line : lines) {
            String component = line.value().toUpperCase(Locale.ROOT);
            switch (line.name()) {
                case "BEGIN" -> {
                    if (open.isEmpty() && !component.equals("VCALENDAR")) {
                        throw icsError(line.number(), "expected BEGIN:VCALENDAR, got BEGIN:" + line.value());
                    }
                    open.push(component);
                    if (component.equals("VEVENT")) {
                        event.clear();
                        eventLine = line.number();
                    }
                }
                case "END" -> {
                    if (!component.equals(open.peek())) {
                        throw icsError(line.number(), open.isEmpty() ? "END:" + line.value() + " without a BEGIN"
                                : "END:" + line.value() + " where END:" + open.peek() + " was expected");
                    }
                    open.pop();
                    if (component.equals("VEVENT")) {
                        days.addAll(eventDays(event, eventLine));
                    }
                }
                default -> {
                    if (open.isEmpty()) {
                        throw icsError(line.number(), line.name() + " outside BEGIN:VCALENDAR … END:VCALENDAR");
                    }
                    if ("VEVENT".equals(open.peek()) && EVENT_PROPERTIES.contains(line.name())
                            && event.putIfAbsent(line.name(), line) != null) {
                        throw icsError(line.number(),
                                "a second " + line.name() + " in the event that begins on line " + eventLine);
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            throw icsError(lines.get(lines.size() - 1).number(), "the file ends without END:" + open.peek());
        }
        return checked("ICS", year, days);
    }

    private static int jsonYear(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT
                || json.getIntValue() < 1 || json.getIntValue() > 9999) {
            String given = json.currentToken() == JsonToken.VALUE_STRING
                    ? "\"" + json.getText() + "\"" : json.getText();
            throw jsonError(json, "\"year\" must be a year such as 2026, got " + given);
        }
        return json.getIntValue();
    }

    private static List<Entry> jsonDays(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw jsonError(json, "\"days\" must be a list");
        }
        List<Entry> days = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            int line = json.currentTokenLocation().getLineNr();
            JsonNode node = json.readValueAsTree();
            days.add(new Entry(jsonDay(node, "days[" + days.size() + "]", line), line));
        }
        return days;
    }

    private static CalendarDay jsonDay(JsonNode node, String where, int line) {
        if (node == null || !node.isObject()) {
            throw error("JSON", line, where + " must be an object with \"date\", \"isOffDay\" and \"name\"");
        }
        JsonNode date = node.path("date");
        JsonNode offDay = node.path("isOffDay");
        JsonNode name = node.path("name");
        if (!date.isTextual()) {
            throw error("JSON", line, where + ": \"date\" is missing or not text");
        }
        if (!offDay.isBoolean()) {
            throw error("JSON", line, where + ": \"isOffDay\" must be true or false");
        }
        if (!name.isTextual()) {
            throw error("JSON", line, where + ": \"name\" is missing or not text");
        }
        try {
            return new CalendarDay(LocalDate.parse(date.textValue()), offDay.booleanValue(), name.textValue());
        } catch (DateTimeParseException e) {
            throw error("JSON", line,
                    where + ": \"date\" must be a date such as 2026-10-01, got \"" + date.textValue() + "\"");
        }
    }

    private static List<Entry> eventDays(Map<String, ContentLine> event, int eventLine) {
        ContentLine summary = event.get("SUMMARY");
        ContentLine start = event.get("DTSTART");
        ContentLine end = event.get("DTEND");
        if (summary == null || start == null) {
            throw icsError(eventLine, "the event has no " + (summary == null ? "SUMMARY" : "DTSTART"));
        }
        if (event.containsKey("DURATION")) {
            throw icsError(event.get("DURATION").number(),
                    "DURATION is not supported, give the end as DTEND;VALUE=DATE");
        }
        LocalDate first = icsDate(start);
        // RFC 5545: DTEND is exclusive, and an all-day event without one lasts a single day.
        LocalDate afterLast = end == null ? first.plusDays(1) : icsDate(end);
        if (!afterLast.isAfter(first)) {
            throw icsError(end.number(), "DTEND " + end.value() + " must be after DTSTART " + start.value()
                    + " (the end date is exclusive)");
        }
        String text = unescape(summary.value());
        boolean workingDay = text.startsWith(WORKING_DAY_PREFIX);
        if (!workingDay && !text.endsWith(DAY_OFF_SUFFIX)) {
            throw icsError(summary.number(), "cannot tell whether \"" + text + "\" is days off (…" + DAY_OFF_SUFFIX
                    + ") or a working day (" + WORKING_DAY_PREFIX + "…)");
        }
        String bare = SUMMARY_DECORATION.matcher(text).replaceAll("");
        String name = bare.isEmpty() ? text : bare;
        return first.datesUntil(afterLast)
                .map(date -> new Entry(new CalendarDay(date, !workingDay, name), start.number()))
                .toList();
    }

    private static LocalDate icsDate(ContentLine line) {
        if (!ICS_DATE.matcher(line.value()).matches()) {
            throw icsError(line.number(), line.name() + " must be an all-day date such as 20261001 (VALUE=DATE), got \""
                    + line.value() + "\"");
        }
        try {
            return LocalDate.parse(line.value(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw icsError(line.number(), line.name() + " " + line.value() + " is not a date in the calendar");
        }
    }

    /** Unfolds the physical lines (RFC 5545 3.1: a line starting with a space or tab continues the one before). */
    private static List<ContentLine> contentLines(String text) {
        String[] physical = text.split("\r\n|\n|\r", -1);
        List<Integer> numbers = new ArrayList<>();
        List<StringBuilder> logical = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (logical.isEmpty()) {
                    throw icsError(i + 1, "a continuation line (starting with a space) with no line before it");
                }
                logical.get(logical.size() - 1).append(line, 1, line.length());
            } else if (!line.isEmpty()) {
                numbers.add(i + 1);
                logical.add(new StringBuilder(line));
            }
        }
        if (logical.isEmpty()) {
            throw new CalendarFormatException("ICS: the file is empty, expected BEGIN:VCALENDAR");
        }
        if (!logical.get(0).toString().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw icsError(numbers.get(0), "not an iCalendar file, which must begin with BEGIN:VCALENDAR");
        }
        List<ContentLine> lines = new ArrayList<>();
        for (int i = 0; i < logical.size(); i++) {
            lines.add(contentLine(numbers.get(i), logical.get(i).toString()));
        }
        return lines;
    }

    private static ContentLine contentLine(int number, String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                String name = text.substring(0, i).split(";", 2)[0];
                if (PROPERTY_NAME.matcher(name).matches()) {
                    return new ContentLine(number, name.toUpperCase(Locale.ROOT), text.substring(i + 1));
                }
                break;
            }
        }
        String shown = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        throw icsError(number, "expected NAME:value, got \"" + shown + "\"");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char escaped = text.charAt(++i);
                out.append(escaped == 'n' || escaped == 'N' ? '\n' : escaped);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String utf8(InputStream in) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CalendarFormatException("ICS: the file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedCalendar checked(String format, int year, List<Entry> entries) {
        // A notice can begin 元旦 in the last days of the year before: 2023's began on 2022-12-31.
        LocalDate earliest = LocalDate.of(year - 1, 12, 1);
        LocalDate latest = LocalDate.of(year, 12, 31);
        Map<LocalDate, Integer> lineByDate = new HashMap<>();
        for (Entry entry : entries) {
            LocalDate date = entry.day().date();
            if (date.isBefore(earliest) || date.isAfter(latest)) {
                String problem = "%s does not belong to the %d notice, which lists days of %d and December %d only";
                throw error(format, entry.line(), problem.formatted(date, year, year, year - 1));
            }
            Integer firstLine = lineByDate.putIfAbsent(date, entry.line());
            if (firstLine != null) {
                throw error(format, entry.line(), date + " is listed twice (first on line " + firstLine + ")");
            }
        }
        return new ParsedCalendar(year,
                entries.stream().map(Entry::day).sorted(Comparator.comparing(CalendarDay::date)).toList());
    }

    private static CalendarFormatException jsonError(JsonParser json, String message) {
        return error("JSON", json.currentTokenLocation().getLineNr(), message);
    }

    private static CalendarFormatException icsError(int line, String message) {
        return error("ICS", line, message);
    }

    private static CalendarFormatException error(String format, int line, String message) {
        return new CalendarFormatException(format + " line " + line + ": " + message);
    }
}
