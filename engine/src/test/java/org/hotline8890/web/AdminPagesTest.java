package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotline8890.TestCases;
import org.hotline8890.calendar.CalendarDay;
import org.hotline8890.calendar.HolidayFileParser;
import org.hotline8890.calendar.ParsedCalendar;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.intake.DeadLetters;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.organisation.StaffAccounts;
import org.hotline8890.organisation.StaffUser;
import org.hotline8890.organisation.StaffUserRepository;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.IntakeDecision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The administrator's pages as a browser without JavaScript uses them: plain pages and form posts. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminPagesTest {

    @Autowired MockMvc mvc;
    @Autowired StaffUserRepository users;
    @Autowired StaffAccounts accounts;
    @Autowired Organisation organisation;
    @Autowired WorkingCalendarService calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired DeadLetters deadLetters;
    @Autowired IntakeQueue queue;
    @Autowired ApplicationContext context;

    @Test
    void theAdminHomeLinksEveryAdminPageTheCockpitAndShowsHealth() throws Exception {
        String page = page(admin(), "/admin");
        assertThat(page).contains("href=\"/admin/organisation\"", "href=\"/admin/users\"", "href=\"/admin/categories\"",
                "href=\"/admin/calendar\"", "href=\"/admin/channels\"", "href=\"/admin/dispatch-catalogue\"",
                "href=\"/admin/time-limits\"", "href=\"/camunda/app/cockpit/default/\"", "无法转为工单的来件");
        assertThat(Jsoup.parse(page).getElementById("health-calendar")).isNotNull();
    }

    @Test
    void aDispatcherIsForbiddenTheAdminPages() throws Exception {
        MockHttpSession dispatcher = logIn("dispatcher", "demo");
        mvc.perform(get("/admin").session(dispatcher)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").session(dispatcher)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/categories").with(csrf()).session(dispatcher).param("code", "ENV.X").param("name", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUserCreatedOnThePageCanLogInWithTheInitialPassword() throws Exception {
        MockHttpSession admin = admin();
        String username = "clerk-" + System.nanoTime();
        Long center = organisation.byCode("CENTER").orElseThrow().getId();

        String refused = mvc.perform(form(post("/admin/users"), admin).param("username", username)
                        .param("displayName", "新话务员").param("role", "AGENT").param("unit", center.toString())
                        .param("password", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).getElementById("user-password-error").text()).contains("至少需要 10 个字符");
        assertThat(Jsoup.parse(refused).getElementById("user-username").val()).isEqualTo(username);
        assertThat(users.findByUsername(username)).isEmpty();

        mvc.perform(form(post("/admin/users"), admin).param("username", username).param("displayName", "新话务员")
                        .param("role", "AGENT").param("unit", center.toString()).param("password", "correct-horse-9"))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("notice", "admin.notice.userCreated"));
        StaffUser created = users.findByUsername(username).orElseThrow();
        assertThat(created.getPasswordHash()).isNotEqualTo("correct-horse-9").startsWith("$2");
        assertThat(page(admin, "/admin/users")).contains("id=\"user-" + username + "\"");

        MockHttpSession clerk = logIn(username, "correct-horse-9");
        mvc.perform(get("/staff").session(clerk)).andExpect(redirectedUrl("/agent"));

        mvc.perform(form(post("/admin/users/" + created.getId() + "/disable"), admin)).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin("/login").user(username).password("correct-horse-9")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorDemoted() throws Exception {
        // Other suites may have made administrators of their own; this test needs "admin" to be the only one.
        accounts.all().stream().filter(u -> u.isActiveAdmin() && !u.getUsername().equals("admin"))
                .forEach(other -> accounts.disable(other.getId()));
        MockHttpSession admin = admin();
        Long id = users.findByUsername("admin").orElseThrow().getId();

        String disabled = mvc.perform(form(post("/admin/users/" + id + "/disable"), admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(disabled).getElementById("user-admin").text()).contains("这是最后一个启用的系统管理员");

        Long unit = users.findByUsername("admin").orElseThrow().getOrgUnitId();
        String demoted = mvc.perform(form(post("/admin/users/" + id + "/role"), admin).param("role", "AGENT")
                        .param("unit", unit.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(demoted).getElementById("user-admin").text()).contains("这是最后一个启用的系统管理员");

        StaffUser still = users.findByUsername("admin").orElseThrow();
        assertThat(still.isEnabled()).isTrue();
        assertThat(still.getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aUnitIsAddedRenamedAndDeactivatedButNotWhileItHasOpenCases() throws Exception {
        MockHttpSession admin = admin();
        Long city = organisation.byCode("CITY").orElseThrow().getId();
        mvc.perform(form(post("/admin/organisation/units"), admin).param("parent", city.toString()).param("code", "TYJ")
                        .param("name", "市体育局").param("nameEn", "Sports Bureau").param("kind", "DEPARTMENT"))
                .andExpect(redirectedUrl("/admin/organisation"));
        OrgUnit sports = organisation.byCode("TYJ").orElseThrow();
        assertThat(sports.getPath()).isEqualTo("/CITY/TYJ/");

        String taken = mvc.perform(form(post("/admin/organisation/units"), admin).param("parent", city.toString())
                        .param("code", "TYJ").param("name", "重复").param("kind", "DEPARTMENT"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(taken).getElementById("unit-code-error").text()).isEqualTo("这个代码已被使用。");

        mvc.perform(form(post("/admin/organisation/units/" + sports.getId() + "/rename"), admin)
                .param("name", "市文化体育局").param("nameEn", "")).andExpect(redirectedUrl("/admin/organisation"));
        assertThat(page(admin, "/admin/organisation")).contains("市文化体育局");
        mvc.perform(form(post("/admin/organisation/units/" + sports.getId() + "/deactivate"), admin))
                .andExpect(redirectedUrl("/admin/organisation"));
        assertThat(organisation.byCode("TYJ").orElseThrow().isActive()).isFalse();

        String number = submitNoiseComplaint();
        actions.reviewIntake(TestCases.dispatcher(organisation), number, IntakeDecision.DISPATCH, null, null, null);
        Long busy = cases.findByCaseNumber(number).orElseThrow().getDepartmentId();
        String refused = mvc.perform(form(post("/admin/organisation/units/" + busy + "/deactivate"), admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).getElementById("unit-error-" + busy).text()).contains("还有未办结的工单");
        assertThat(organisation.byId(busy).orElseThrow().isActive()).isTrue();
    }

    @Test
    void aCategoryAddedAppearsInTheCitizenChoicesAndLeavesThemWhenDeactivated() throws Exception {
        MockHttpSession admin = admin();
        String badCode = mvc.perform(form(post("/admin/categories"), admin).param("code", "env noise")
                        .param("name", "光污染").param("parent", "ENV"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(badCode).getElementById("category-code-error")).isNotNull();

        mvc.perform(form(post("/admin/categories"), admin).param("code", "ENV.LIGHT").param("name", "光污染")
                        .param("nameEn", "Light pollution").param("parent", "ENV"))
                .andExpect(redirectedUrl("/admin/categories"));
        assertThat(citizenCategoryChoices()).contains("ENV.LIGHT");

        String duplicate = mvc.perform(form(post("/admin/categories"), admin).param("code", "ENV.LIGHT")
                        .param("name", "光污染").param("parent", "ENV"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(duplicate).getElementById("category-code-error").text()).isEqualTo("这个代码已被使用。");

        mvc.perform(form(post("/admin/categories/ENV.LIGHT/deactivate"), admin)).andExpect(redirectedUrl("/admin/categories"));
        assertThat(citizenCategoryChoices()).doesNotContain("ENV.LIGHT").contains("ENV.NOISE");
        assertThat(organisation.categoryExists("ENV.LIGHT")).as("kept for the cases that have it").isTrue();
    }

    @Test
    void theCalendarPreviewShowsTheChangesAndChangesNothingUntilConfirmed() throws Exception {
        ParsedCalendar stored = bundled(2026);
        List<Map<String, Object>> before = storedDays(2026);
        List<CalendarDay> changed = new ArrayList<>(stored.days());
        CalendarDay dropped = changed.remove(0);
        int workingIndex = indexOfWorkingDay(changed);
        CalendarDay working = changed.get(workingIndex);
        changed.set(workingIndex, new CalendarDay(working.date(), true, working.name()));
        CalendarDay renamed = changed.get(0);
        changed.set(0, new CalendarDay(renamed.date(), renamed.offDay(), "测试节"));
        LocalDate added = LocalDate.of(2026, 7, 15);
        changed.add(new CalendarDay(added, true, "测试假日"));
        MockHttpSession admin = admin();
        try {
            String preview = mvc.perform(multipart("/admin/calendar/preview").file(json("2026.json", 2026, changed))
                            .with(csrf()).session(admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document page = Jsoup.parse(preview);
            assertThat(page.getElementById("preview-title").text()).startsWith("2026 年的变化");
            assertThat(page.getElementById("change-" + dropped.date()).text()).contains("删除");
            assertThat(page.getElementById("change-" + working.date()).text()).contains("上班改为放假");
            assertThat(page.getElementById("change-" + renamed.date()).text()).contains("节日名称变化", "测试节");
            assertThat(page.getElementById("change-" + added).text()).contains("新增", "测试假日");
            assertThat(page.select("#changes tbody tr")).hasSize(4);
            assertThat(storedDays(2026)).as("the preview changes nothing").isEqualTo(before);

            mvc.perform(form(post("/admin/calendar/apply"), admin).param("year", "2026"))
                    .andExpect(redirectedUrl("/admin/calendar"))
                    .andExpect(flash().attribute("notice", "admin.notice.calendarImported"));
            assertThat(storedDays(2026)).isNotEqualTo(before).hasSize(changed.size());
            assertThat(calendar.calculator()).isNotNull();
            assertThat(jdbc.queryForObject("SELECT name FROM holiday_day WHERE day = ?", String.class,
                    java.sql.Date.valueOf(added))).isEqualTo("测试假日");

            String again = mvc.perform(form(post("/admin/calendar/apply"), admin).param("year", "2026"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(again).contains("没有待确认的预览");
        } finally {
            calendar.importYear(stored, "bundled holiday-cn/2026.json");
        }
    }

    @Test
    void aBadIcsFileIsRefusedWithTheParsersLineAndNothingImported() throws Exception {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "SUMMARY:国庆节假期",
                "DTSTART;VALUE=DATE:2031100", "END:VEVENT", "END:VCALENDAR", "");
        String page = mvc.perform(multipart("/admin/calendar/preview")
                        .file(new MockMultipartFile("file", "2031.ics", "text/calendar", ics.getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2031").with(csrf()).session(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("file-problem").text()).startsWith("ICS line 5:");
        assertThat(page).contains("文件无法读取");
        assertThat(calendar.coveredYears()).doesNotContain(2031);

        String noYear = mvc.perform(multipart("/admin/calendar/preview")
                        .file(new MockMultipartFile("file", "2031.ics", "text/calendar", ics.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).session(admin()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(noYear).getElementById("calendar-year-error")).isNotNull();
    }

    @Test
    void channelStatusShowsAWebContactAndADeadLetterThatCanBeQueuedAgain() throws Exception {
        MockHttpSession admin = admin();
        Document before = Jsoup.parse(page(admin, "/admin/channels"));
        long webToday = cell(before, "WEB", "today");
        long mailDead = cell(before, "MAIL", "dead");

        submitNoiseComplaint();
        String id = "mail-dead-" + System.nanoTime();
        queue.publish(new ContactMessage(Channel.MAIL, id, Instant.now(),
                new ContactMessage.Sender(null, null, "citizen@example.org", null, false), null, "  ", List.of(), null,
                null, null, null, null, false, false, null, Map.of()));
        IntakeQueueDrain.drainAll(context);

        Document after = Jsoup.parse(page(admin, "/admin/channels"));
        assertThat(cell(after, "WEB", "today")).isEqualTo(webToday + 1);
        assertThat(after.select("#channel-WEB .last-contact").text()).isNotEqualTo("从未");
        assertThat(after.select("#channel-WEB th").text()).contains("开启");
        assertThat(cell(after, "MAIL", "dead")).isEqualTo(mailDead + 1);
        assertThat(after.select("#channel-MAIL th").text()).contains("关闭");
        long letter = deadLetters.open().stream().filter(d -> d.channelMessageId().equals(id)).findFirst().orElseThrow().id();
        assertThat(after.getElementById("letter-" + letter).text()).contains("neither a subject nor a text");

        mvc.perform(form(post("/admin/channels/dead-letters/" + letter + "/requeue"), admin))
                .andExpect(redirectedUrl("/admin/channels")).andExpect(flash().attribute("notice", "admin.notice.requeued"));
        assertThat(deadLetters.open()).noneMatch(d -> d.id() == letter);
        mvc.perform(form(post("/admin/channels/dead-letters/" + letter + "/requeue"), admin))
                .andExpect(flash().attribute("problem", "admin.channels.requeueGone"));
    }

    private static long cell(Document page, String channel, String column) {
        return Long.parseLong(page.select("#channel-" + channel + " td." + column).text());
    }

    private String submitNoiseComplaint() throws Exception {
        String shown = mvc.perform(post("/citizen/requests").with(csrf())
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                        .param("subject", "夜间施工噪音").param("content", "东华路工地每晚23点后仍在施工")
                        .param("phone", "13812345678"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(shown).getElementById("case-number").text();
    }

    private List<String> citizenCategoryChoices() throws Exception {
        String form = mvc.perform(get("/citizen/requests/new")).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(form).select("#category option").eachAttr("value");
    }

    private List<Map<String, Object>> storedDays(int year) {
        return jdbc.queryForList("SELECT day, off_day, name FROM holiday_day WHERE day >= ? AND day < ? ORDER BY day",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    }

    private static int indexOfWorkingDay(List<CalendarDay> days) {
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).offDay()) {
                return i;
            }
        }
        throw new IllegalStateException("the bundled notice has no make-up working day");
    }

    private static ParsedCalendar bundled(int year) throws IOException {
        try (InputStream in = AdminPagesTest.class.getResourceAsStream("/holiday-cn/" + year + ".json")) {
            return HolidayFileParser.parseJson(in);
        }
    }

    private static MockMultipartFile json(String name, int year, List<CalendarDay> days) throws IOException {
        List<Map<String, Object>> entries = days.stream().map(d -> Map.<String, Object>of("name", d.name(),
                "date", d.date().toString(), "isOffDay", d.offDay())).toList();
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("year", year, "days", entries));
        return new MockMultipartFile("file", name, "application/json", body);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, MockHttpSession session) {
        return request.with(csrf()).session(session);
    }

    private MockHttpSession admin() throws Exception {
        return logIn("admin", "demo");
    }

    private MockHttpSession logIn(String user, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
