package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.request;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline8890.HotlineProperties;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The department workbench as a browser without JavaScript uses it: plain pages, form posts, uploads. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class DepartmentWorkbenchPagesTest {

    private static final Path UPLOADS = Path.of("target", "test-uploads");
    private static final Pattern ROW = Pattern.compile("<tr data-case=\"([^\"]+)\">((?:(?!</tr>).)*)</tr>", Pattern.DOTALL);
    private static final Pattern COLOUR = Pattern.compile("class=\"countdown ([a-z-]+)\"");

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;
    @Autowired HotlineProperties properties;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theListShowsOnlyOwnCasesNearestDeadlineFirstWithTheirColours() throws Exception {
        // Urgent cases must be signed for within 30 minutes of round-the-clock time (time-limits.dmn).
        Instant view = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String overdue = dispatchedAt(view.minus(Duration.ofHours(2)), "HBJ");
        String nearlyDue = dispatchedAt(view.minus(Duration.ofMinutes(25)), "HBJ");
        String fresh = dispatchedAt(view.minus(Duration.ofMinutes(5)), "HBJ");
        String housings = dispatchedAt(view.minus(Duration.ofMinutes(10)), "ZJJ");
        clock.setTo(view);

        String page = mvc.perform(get("/department").session(logIn("dept-environment")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Map<String, String> colours = rows(page);
        assertThat(colours).doesNotContainKey(housings);
        assertThat(colours).containsEntry(overdue, "due-overdue").containsEntry(nearlyDue, "due-warning")
                .containsEntry(fresh, "due-ok");
        List<String> order = new ArrayList<>(colours.keySet());
        assertThat(order.indexOf(overdue)).isLessThan(order.indexOf(nearlyDue));
        assertThat(order.indexOf(nearlyDue)).isLessThan(order.indexOf(fresh));
        assertThat(page).contains("已超期 0 天 1 小时 30 分", "hx-trigger=\"every 60s, queue-changed from:body\"", "data-live=\"/department/live\"");
        assertThat(rows(mvc.perform(get("/department").session(logIn("dept-housing"))).andReturn()
                .getResponse().getContentAsString())).containsKey(housings).doesNotContainKeys(overdue, fresh);
    }

    @Test
    void signExtensionAndReplyWithAFileMoveTheCaseAndTheFileCanBeDownloaded() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        MockHttpSession session = logIn("dept-environment");
        String page = mvc.perform(get("/department/cases/{n}", n).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sign-form\"", "id=\"return-form\"", "name=\"_csrf\"", "办理过程")
                .doesNotContain("id=\"reply-form\"");

        mvc.perform(post("/department/cases/{n}/sign", n).with(csrf()).session(session))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.HANDLING);
        assertThat(mvc.perform(get("/department/cases/{n}", n).session(session)).andReturn().getResponse()
                .getContentAsString()).contains("已签收", "id=\"reply-form\"", "id=\"extension-form\"");

        LocalDate later = load(n).getHandleBy().atZone(properties.zone()).toLocalDate().plusDays(7);
        mvc.perform(post("/department/cases/{n}/extension", n).with(csrf()).session(session)
                        .param("until", later.toString()).param("reason", "需要第三方检测噪声"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getExtensionRequestedUntil()).isEqualTo(
                later.atTime(23, 59, 59).atZone(properties.zone()).toInstant());

        byte[] photo = "a photo of the quiet site".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/department/cases/{n}/reply", n).file(new MockMultipartFile("files", "现场照片.png",
                        "image/png", photo)).param("text", "已责令工地停止夜间施工。").with(csrf()).session(session))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);

        page = mvc.perform(get("/department/cases/{n}", n).session(session)).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("href=\"(/department/cases/" + n + "/attachments/(\\d+))\">现场照片.png<").matcher(page);
        assertThat(link.find()).as("the attachment is listed with its name").isTrue();
        MockHttpServletResponse download = mvc.perform(get(link.group(1)).session(session))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(photo);
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        // The center reaches the same file under the path both share.
        assertThat(mvc.perform(get("/cases/{n}/attachments/{id}", n, link.group(2)).session(logIn("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(photo);
    }

    @Test
    void aReturnWithAReasonGoesBackToTheCenter() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        mvc.perform(post("/department/cases/{n}/return", n).with(csrf()).session(logIn("dept-environment"))
                        .param("reason", "噪声源在住建局管辖的工地"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RETURNED);
    }

    @Test
    void aReturnWithoutReasonShowsTheMessageAtTheField() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        String page = mvc.perform(post("/department/cases/{n}/return", n).with(csrf())
                        .session(logIn("dept-environment")).param("reason", "  "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"return-reason-error\"", "请填写理由。", "aria-invalid=\"true\"");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void anExtensionToADateNotAfterTheDeadlineShowsTheMessageAtTheDateAndKeepsTheReason() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        MockHttpSession session = logIn("dept-environment");
        mvc.perform(post("/department/cases/{n}/sign", n).with(csrf()).session(session));
        String page = mvc.perform(post("/department/cases/{n}/extension", n).with(csrf()).session(session)
                        .param("until", LocalDate.now().minusDays(1).toString()).param("reason", "需要检测"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"extension-until-error\"", "延期日期须晚于当前办理期限。", ">需要检测</textarea>");
        assertThat(load(n).getExtensionRequestedUntil()).isNull();
    }

    @Test
    void aDepartmentCannotOpenAnotherDepartmentsCaseByUrlAndLearnsNothingFromTrying() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        MockHttpSession housing = logIn("dept-housing");
        String theirs = mvc.perform(get("/department/cases/{n}", n).session(housing))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/department/cases/{n}", "8890-20000101-000001").session(housing))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(theirs).contains("找不到这个页面").doesNotContain(n, "夜间施工噪音");
        assertThat(withoutTokens(theirs)).isEqualTo(withoutTokens(unknown));
        mvc.perform(post("/department/cases/{n}/sign", n).with(csrf()).session(housing)).andExpect(status().isNotFound());
        mvc.perform(get("/cases/{n}/attachments/1", n).session(housing)).andExpect(status().isNotFound());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void aFileNameThatClimbsOutOfTheDirectoryIsKeptOnlyAsASanitisedName() throws Exception {
        String n = signedCase();
        MockHttpSession session = logIn("dept-environment");
        mvc.perform(multipart("/department/cases/{n}/reply", n).file(new MockMultipartFile("files", "../../etc/passwd",
                        "text/plain", "root:x:0:0".getBytes(StandardCharsets.UTF_8)))
                        .param("text", "见附件。").with(csrf()).session(session))
                .andExpect(redirectedUrl("/department/cases/" + n));
        String page = mvc.perform(get("/department/cases/{n}", n).session(session)).andReturn().getResponse()
                .getContentAsString();
        Matcher link = Pattern.compile("href=\"(/department/cases/" + n + "/attachments/\\d+)\">passwd<").matcher(page);
        assertThat(link.find()).as("shown under its last name part only").isTrue();
        assertThat(page).doesNotContain("../../etc/passwd");
        assertThat(mvc.perform(get(link.group(1)).session(session)).andReturn().getResponse()
                .getHeader("Content-Disposition")).endsWith("filename*=UTF-8''passwd").doesNotContain("..");
        try (Stream<Path> files = Files.list(UPLOADS)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.matches("[0-9a-f]{32}"), "a generated name");
        }
        assertThat(UPLOADS.resolve("../../etc/passwd").normalize().toAbsolutePath())
                .as("nothing was written where the name pointed").doesNotExist();
    }

    @Test
    void anOversizeFileIsRefusedWithAMessageAndTheReplyWaitsForIt() throws Exception {
        String n = signedCase();
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        String page = mvc.perform(multipart("/department/cases/{n}/reply", n).file(new MockMultipartFile("files",
                        "scan.pdf", "application/pdf", tooLarge)).param("text", "已处理，见扫描件。").with(csrf())
                        .session(logIn("dept-environment")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"reply-files-error\"", "文件“scan.pdf”超过大小上限，未上传。", ">已处理，见扫描件。</textarea>");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void aFileOfATypeNotAcceptedIsRefused() throws Exception {
        String n = signedCase();
        String page = mvc.perform(multipart("/department/cases/{n}/reply", n).file(new MockMultipartFile("files",
                        "run.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .param("text", "见附件。").with(csrf()).session(logIn("dept-environment")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("文件“run.html”的类型不支持");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void aCitizensPhotoFromTheRequestFormReachesTheDepartmentsCasePage() throws Exception {
        byte[] photo = "the building site at 23:30".getBytes(StandardCharsets.UTF_8);
        String shown = mvc.perform(multipart("/citizen/requests").file(new MockMultipartFile("files", "工地夜间.jpg",
                        "image/jpeg", photo)).with(csrf())
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                        .param("subject", "夜间施工噪音").param("content", "东华路工地每晚23点后仍在施工")
                        .param("phone", "13812345678"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher number = Pattern.compile("id=\"case-number\"[^>]*>([^<]+)<").matcher(shown);
        assertThat(number.find()).as("the case number is shown").isTrue();
        String n = number.group(1).strip();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "HBJ");

        String page = mvc.perform(get("/department/cases/{n}", n).session(logIn("dept-environment")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("href=\"(/department/cases/" + n + "/attachments/\\d+)\">工地夜间.jpg<").matcher(page);
        assertThat(link.find()).as("the citizen's photo is listed").isTrue();
        assertThat(page).contains("citizen");
    }

    @Test
    void theRequestFormRefusesAFileOfATypeNotAcceptedAndKeepsWhatWasTyped() throws Exception {
        String page = mvc.perform(multipart("/citizen/requests").file(new MockMultipartFile("files", "tool.exe",
                        "application/x-msdownload", new byte[]{77, 90})).with(csrf())
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                        .param("subject", "夜间施工噪音").param("content", "东华路工地每晚23点后仍在施工")
                        .param("phone", "13812345678"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"files-error\"", "文件“tool.exe”的类型不支持", "value=\"夜间施工噪音\"")
                .doesNotContain("id=\"query-code\"");
    }

    private String signedCase() throws Exception {
        String n = dispatchedAt(Instant.now(), "HBJ");
        actions.sign(org.hotline8890.TestCases.staff(organisation, "dept-environment",
                org.hotline8890.organisation.Role.DEPARTMENT, "HBJ"), n);
        return n;
    }

    private String dispatchedAt(Instant at, String department) {
        clock.setTo(at);
        try {
            String n = intake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.URGENT, true, false, at),
                    IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
            actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, department);
            assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
            return n;
        } finally {
            clock.reset();
        }
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    /** Case number → the countdown's colour class, in the order the page lists them. */
    private static Map<String, String> rows(String page) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            Matcher colour = COLOUR.matcher(row.group(2));
            found.put(row.group(1), colour.find() ? colour.group(1) : "none");
        }
        return found;
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("value=\"[^\"]{20,}\"", "");
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
