package org.hotline8890.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotline8890.HotlineProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * POST and GET /api/admin/calendar with the real holiday-cn files (bundled JSON, test ICS): what an
 * admin can import, what the coverage says, and that a file the import refuses changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CalendarImportApiTest {

    private static final String CALENDAR = "/api/admin/calendar";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired HotlineProperties properties;

    @Test
    void anAdminImportsAHolidayCnJsonFileAndItsYearBecomesCovered() throws Exception {
        forgetYear(2025);
        mvc.perform(get(CALENDAR).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.coveredYears", not(hasItem(2025))));
        Map<LocalDate, Boolean> listed = daysListedInTheJsonFile(2025);

        mvc.perform(upload(file("2025.json")).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.days").value(listed.size()));

        mvc.perform(get(CALENDAR).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.coveredYears", hasItem(2025)));
        assertThat(storedDays(2025)).isEqualTo(listed);
        assertThat(source(2025)).isEqualTo("upload 2025.json");
    }

    @Test
    void anAdminImportsAnIcsFileForTheYearItGivesAndGetsTheSameDaysAsFromTheJsonFile() throws Exception {
        forgetYear(2025);

        mvc.perform(upload(file("2025.ics")).param("year", "2025").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.days").value(daysListedInTheJsonFile(2025).size()));

        mvc.perform(get(CALENDAR).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.coveredYears", hasItem(2025)));
        // The ICS gives ranges of days; expanded, they must be exactly the days the JSON lists.
        assertThat(storedDays(2025)).isEqualTo(daysListedInTheJsonFile(2025));
        assertThat(source(2025)).isEqualTo("upload 2025.ics");
    }

    @Test
    void aYearWhoseNoticeBeginsInTheDecemberBeforeCanBeImportedAgain() throws Exception {
        // 2023's notice begins 元旦 on 2022-12-31. The year was imported at start-up; importing a
        // corrected file must replace that day, not collide with it.
        Map<LocalDate, Boolean> listed = daysListedInTheJsonFile(2023);
        assertThat(listed).containsKey(LocalDate.of(2022, 12, 31));

        mvc.perform(upload(file("2023.json")).with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(listed.size()));
        mvc.perform(upload(file("2023.ics")).param("year", "2023").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(listed.size()));

        Map<LocalDate, Boolean> stored = storedDays(LocalDate.of(2022, 12, 1), LocalDate.of(2024, 1, 1));
        assertThat(stored).isEqualTo(listed);
        assertThat(source(2023)).isEqualTo("upload 2023.ics");
    }

    @Test
    void theCoverageListsTheCoveredYearsAndWhichOfThisYearAndNextAreMissing() throws Exception {
        JsonNode coverage = json.readTree(mvc.perform(get(CALENDAR).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        List<Integer> covered = new ArrayList<>();
        coverage.get("coveredYears").forEach(y -> covered.add(y.asInt()));
        List<Integer> missing = new ArrayList<>();
        coverage.get("missingYears").forEach(y -> missing.add(y.asInt()));
        // The bundled notices are 2023–2026; 2027's file lists no days yet, so 2027 is never covered.
        assertThat(covered).contains(2023, 2024, 2025, 2026).doesNotContain(2027).isSorted();
        int thisYear = LocalDate.now(clock.withZone(properties.zone())).getYear();
        assertThat(missing).isEqualTo(Stream.of(thisYear, thisYear + 1).filter(y -> !covered.contains(y)).toList());
        assertThat(coverage.get("casesWithIncompleteCalendar").isArray()).isTrue();
    }

    @Test
    void aFileTheImportRefusesAnswers400WithTheFieldAndTheReasonAndChangesNothing() throws Exception {
        CalendarSnapshot before = snapshot();

        refused(upload(new MockMultipartFile("file", "2026.json", "application/json", new byte[0])),
                "file", "expected a JSON object");
        refused(upload(new MockMultipartFile("file", "2026.ics", "text/calendar", new byte[0])).param("year", "2026"),
                "file", "the file is empty");
        refused(upload(file("2027.json")), "file", "lists no days");
        refused(upload(file("2027.ics")).param("year", "2027"), "file", "lists no days");
        refused(upload(file("2026.ics")), "year", "which year");
        refused(upload(file("2026.ics")).param("year", "twenty"), "year", "malformed");
        refused(upload(file("2026.ics")).param("year", "0"), "year", "a year such as 2026");
        refused(upload(file("2025.ics")).param("year", "2026"), "file", "does not belong to the 2026 notice");
        refused(upload(truncated("2026.json")), "file", "end-of-input");
        refused(upload(new MockMultipartFile("file", "2026.ics", "text/calendar",
                        "BEGIN:VCALENDAR\nthis is not a property\nEND:VCALENDAR\n".getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2026"),
                "file", "ICS line 2");
        refused(upload(new MockMultipartFile("file", "2026.txt", "text/plain", bytes("2026.json"))), "file", ".json");
        refused(multipart(CALENDAR).param("year", "2026"), "file", "required");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminMayReadOrImportTheCalendar() throws Exception {
        CalendarSnapshot before = snapshot();

        mvc.perform(get(CALENDAR)).andExpect(status().isUnauthorized());
        mvc.perform(upload(file("2026.json"))).andExpect(status().isUnauthorized());
        mvc.perform(upload(file("2026.json")).with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
        for (String staff : List.of("agent", "dispatcher", "supervisor", "dept-environment", "district-dc")) {
            mvc.perform(get(CALENDAR).with(httpBasic(staff, "demo"))).andExpect(status().isForbidden());
            mvc.perform(upload(file("2026.json")).with(httpBasic(staff, "demo"))).andExpect(status().isForbidden());
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    private void refused(MockHttpServletRequestBuilder request, String field, String reason) throws Exception {
        mvc.perform(request.with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value(field))
                .andExpect(jsonPath("$.fields[0].reason", containsString(reason)));
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file) {
        return multipart(CALENDAR).file(file);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", "demo");
    }

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("file", name, name.endsWith(".ics") ? "text/calendar" : "application/json",
                bytes(name));
    }

    /** The file cut off in the middle, as an interrupted download leaves it. */
    private static MockMultipartFile truncated(String name) {
        byte[] whole = bytes(name);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        return new MockMultipartFile("file", name, "application/json", half);
    }

    /** The bundled JSON files are on the classpath from main, the ICS files from test resources. */
    private static byte[] bytes(String name) {
        try (InputStream in = CalendarImportApiTest.class.getResourceAsStream("/holiday-cn/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no resource /holiday-cn/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Read with plain Jackson rather than the parser under test: date → day off? */
    private Map<LocalDate, Boolean> daysListedInTheJsonFile(int year) throws IOException {
        Map<LocalDate, Boolean> days = new java.util.TreeMap<>();
        json.readTree(bytes(year + ".json")).get("days").forEach(d ->
                days.put(LocalDate.parse(d.get("date").asText()), d.get("isOffDay").asBoolean()));
        return days;
    }

    private Map<LocalDate, Boolean> storedDays(int year) {
        return storedDays(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private Map<LocalDate, Boolean> storedDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> days = new java.util.TreeMap<>();
        jdbc.query("SELECT day, off_day FROM holiday_day WHERE day >= ? AND day < ?",
                rs -> {
                    days.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2));
                },
                java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
        return days;
    }

    private String source(int year) {
        return jdbc.queryForObject("SELECT source FROM calendar_year WHERE year = ?", String.class, year);
    }

    /** A database that lacks the year, as before its notice was ever imported. */
    private void forgetYear(int year) {
        jdbc.update("DELETE FROM holiday_day WHERE day >= ? AND day < ?",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        jdbc.update("DELETE FROM calendar_year WHERE year = ?", year);
    }

    private record CalendarSnapshot(List<Map<String, Object>> years, List<Map<String, Object>> days) {
    }

    private CalendarSnapshot snapshot() {
        return new CalendarSnapshot(
                jdbc.queryForList("SELECT year, source, day_count, imported_at FROM calendar_year ORDER BY year"),
                jdbc.queryForList("SELECT day, off_day, name FROM holiday_day ORDER BY day"));
    }
}
