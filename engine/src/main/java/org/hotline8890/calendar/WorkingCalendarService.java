package org.hotline8890.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hotline8890.HotlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar as stored in the database, and the calculator built from it. At start-up the
 * years shipped with the product are imported if the database lacks them, and a missing current or
 * next year is logged as a warning for admins: deadlines there fall back to Monday–Friday and the
 * cases say so.
 */
@Service
public class WorkingCalendarService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendarService.class);
    private static final String BUNDLED = "classpath*:holiday-cn/20??.json";

    private final JdbcTemplate jdbc;
    private final HotlineProperties properties;
    private final Clock clock;
    private volatile WorkingTimeCalculator calculator;

    WorkingCalendarService(JdbcTemplate jdbc, HotlineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public WorkingTimeCalculator calculator() {
        WorkingTimeCalculator current = calculator;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    public Set<Integer> coveredYears() {
        return new TreeSet<>(jdbc.queryForList("SELECT year FROM calendar_year", Integer.class));
    }

    /** This year and next: the years whose absence makes today's deadlines unreliable. */
    public List<Integer> missingYears() {
        int thisYear = LocalDate.now(clock.withZone(properties.zone())).getYear();
        Set<Integer> covered = coveredYears();
        return List.of(thisYear, thisYear + 1).stream().filter(y -> !covered.contains(y)).toList();
    }

    /**
     * What {@link #importYear} would change: the stored days it replaces (the year's, and the December
     * days the notice lists) against the notice's. Reads only.
     */
    @Transactional(readOnly = true)
    public CalendarPreview preview(ParsedCalendar parsed) {
        if (parsed.days().isEmpty()) {
            throw new CalendarFormatException("the file for " + parsed.year() + " lists no days: no notice has been published yet");
        }
        LocalDate first = LocalDate.of(parsed.year(), 1, 1);
        Map<LocalDate, CalendarDay> stored = new TreeMap<>();
        storedDays(first, first.plusYears(1)).forEach(day -> stored.put(day.date(), day));
        LocalDate earliest = parsed.days().get(0).date();
        if (earliest.isBefore(first)) {
            Set<LocalDate> listed = new HashSet<>(parsed.days().stream().map(CalendarDay::date).toList());
            storedDays(earliest, first).stream().filter(day -> listed.contains(day.date()))
                    .forEach(day -> stored.put(day.date(), day));
        }
        Map<LocalDate, CalendarDay> incoming = new TreeMap<>();
        parsed.days().forEach(day -> incoming.put(day.date(), day));
        Set<LocalDate> dates = new TreeSet<>(stored.keySet());
        dates.addAll(incoming.keySet());
        List<CalendarPreview.DayChange> changes = new ArrayList<>();
        for (LocalDate date : dates) {
            CalendarDay before = stored.get(date);
            CalendarDay after = incoming.get(date);
            if (!Objects.equals(before, after)) {
                changes.add(new CalendarPreview.DayChange(date, before, after));
            }
        }
        return new CalendarPreview(parsed.year(), coveredYears().contains(parsed.year()), parsed.days().size(), changes);
    }

    private List<CalendarDay> storedDays(LocalDate from, LocalDate until) {
        return jdbc.query("SELECT day, off_day, name FROM holiday_day WHERE day >= ? AND day < ?",
                (rs, i) -> new CalendarDay(rs.getDate(1).toLocalDate(), rs.getBoolean(2), rs.getString(3)),
                Date.valueOf(from), Date.valueOf(until));
    }

    /** Replaces one year's days with those of a notice; a file without days is refused, not imported. */
    @Transactional
    public void importYear(ParsedCalendar parsed, String source) {
        if (parsed.days().isEmpty()) {
            throw new CalendarFormatException("the file for " + parsed.year() + " lists no days: no notice has been published yet");
        }
        LocalDate first = LocalDate.of(parsed.year(), 1, 1);
        jdbc.update("DELETE FROM holiday_day WHERE day >= ? AND day < ?", Date.valueOf(first), Date.valueOf(first.plusYears(1)));
        // A notice can begin in the December before (2023's 元旦 began on 2022-12-31): those days
        // are the notice's too, so importing it again replaces them instead of colliding with them.
        List<CalendarDay> before = parsed.days().stream().filter(day -> day.date().isBefore(first)).toList();
        jdbc.batchUpdate("DELETE FROM holiday_day WHERE day = ?", before, 200,
                (ps, day) -> ps.setDate(1, Date.valueOf(day.date())));
        jdbc.batchUpdate("INSERT INTO holiday_day (day, off_day, name) VALUES (?, ?, ?)", parsed.days(), 200,
                (ps, day) -> {
                    ps.setDate(1, Date.valueOf(day.date()));
                    ps.setBoolean(2, day.offDay());
                    ps.setString(3, day.name());
                });
        jdbc.update("DELETE FROM calendar_year WHERE year = ?", parsed.year());
        jdbc.update("INSERT INTO calendar_year (year, source, day_count, imported_at) VALUES (?, ?, ?, ?)",
                parsed.year(), source, parsed.days().size(), Timestamp.from(clock.instant()));
        calculator = null;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Set<Integer> covered = coveredYears();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(BUNDLED)) {
            ParsedCalendar parsed;
            try (InputStream in = file.getInputStream()) {
                parsed = HolidayFileParser.parseJson(in);
            }
            if (!parsed.days().isEmpty() && !covered.contains(parsed.year())) {
                importYear(parsed, "bundled holiday-cn/" + file.getFilename());
                log.info("Imported the {} holiday calendar ({} days)", parsed.year(), parsed.days().size());
            }
        }
        List<Integer> missing = missingYears();
        if (!missing.isEmpty()) {
            log.warn("No holiday calendar for {}: working-day deadlines there use Monday–Friday only. "
                    + "Import the State Council notice (JSON or ICS) through /api/admin/calendar.", missing);
        }
        reload();
    }

    private synchronized WorkingTimeCalculator reload() {
        List<ParsedCalendar> years = new ArrayList<>();
        for (Integer year : coveredYears()) {
            LocalDate first = LocalDate.of(year, 1, 1);
            List<CalendarDay> days = jdbc.query("SELECT day, off_day, name FROM holiday_day WHERE day >= ? AND day < ?",
                    (rs, i) -> new CalendarDay(rs.getDate(1).toLocalDate(), rs.getBoolean(2), rs.getString(3)),
                    Date.valueOf(first), Date.valueOf(first.plusYears(1)));
            years.add(new ParsedCalendar(year, days));
        }
        WorkingTimeCalculator fresh = new WorkingTimeCalculator(HolidayCalendar.from(years), properties.zone(),
                properties.officeOpens(), properties.officeCloses());
        calculator = fresh;
        return fresh;
    }
}
