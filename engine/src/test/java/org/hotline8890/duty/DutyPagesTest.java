package org.hotline8890.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The roster pages as a browser without JavaScript uses them: plain forms, a CSV upload, its preview. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DutyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DutyEntryRepository entries;

    @Test
    void aDepartmentAddsItsOwnOfficerAndSeesItOnItsRosterButNotOnAnotherDepartments() throws Exception {
        MockHttpSession environment = logIn("dept-environment");
        String page = mvc.perform(get("/department/duty").session(environment)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"add-shift\"", "for=\"duty-name\"", "name=\"_csrf\"", "值班表")
                .doesNotContain("value=\"SUPERVISOR\"", "value=\"ZJJ\"");

        mvc.perform(post("/department/duty/shifts").with(csrf()).session(environment)
                        .param("departmentCode", "HBJ").param("name", "页面值班甲").param("phone", "13922220001")
                        .param("start", "2032-01-05T18:00").param("end", "2032-01-06T08:30").param("role", "OFFICER"))
                .andExpect(redirectedUrl("/department/duty"));

        assertThat(mvc.perform(get("/department/duty").session(environment)).andReturn().getResponse()
                .getContentAsString()).contains("页面值班甲", "13922220001", "2032-01-05 18:00");
        assertThat(mvc.perform(get("/department/duty").session(logIn("dept-housing"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("页面值班甲");
    }

    @Test
    void aShiftEndingBeforeItStartsComesBackWithTheMessageAtTheEndField() throws Exception {
        long before = entries.count();
        String page = mvc.perform(post("/department/duty/shifts").with(csrf()).session(logIn("dept-environment"))
                        .param("departmentCode", "HBJ").param("name", "页面值班乙").param("phone", "13922220002")
                        .param("start", "2032-01-07T18:00").param("end", "2032-01-07T08:30").param("role", "OFFICER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"duty-end-error\"", "结束时间早于开始时间", "aria-describedby=\"duty-time-hint duty-end-error\"",
                "value=\"页面值班乙\"");
        assertThat(entries.count()).isEqualTo(before);
    }

    @Test
    void aCsvIsPreviewedThenImportedAndABadOneIsRefusedLineByLine() throws Exception {
        MockHttpSession environment = logIn("dept-environment");
        long before = entries.count();
        String good = "\uFEFFdepartment code,name,phone,start,end,role\n"
                + "HBJ,导入值班丙,13922220003,2032-02-01 18:00,2032-02-02 08:30,OFFICER\n";

        String preview = mvc.perform(multipart("/department/duty/import").file(csv(good)).param("action", "preview")
                        .with(csrf()).session(environment))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"preview-shifts\"", "导入值班丙", "id=\"confirm-import\"");
        assertThat(entries.count()).as("a preview saves nothing").isEqualTo(before);

        mvc.perform(post("/department/duty/import").param("previewed", good).param("action", "import")
                        .with(csrf()).session(environment))
                .andExpect(redirectedUrl("/department/duty"));
        assertThat(entries.count()).isEqualTo(before + 1);

        String bad = "department code,name,phone,start,end,role\n"
                + "HBJ,导入值班丁,13922220004,2032-02-03 18:00,2032-02-04 08:30,OFFICER\n"
                + "ZJJ,导入值班戊,13922220005,2032-02-04 18:00,2032-02-03 08:30,OFFICER\n";
        String refused = mvc.perform(multipart("/department/duty/import").file(csv(bad)).param("action", "import")
                        .with(csrf()).session(environment))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"line-problems\"", "第 3 行：结束时间早于开始时间。", "第 3 行：只能编辑本单位的值班员。");
        assertThat(entries.count()).as("all or nothing").isEqualTo(before + 1);
    }

    @Test
    void anAdminKeepsEveryUnitsRosterAndTheSupervisorsButADepartmentCannotOpenTheAdminPage() throws Exception {
        String page = mvc.perform(get("/admin/duty").session(logIn("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"SUPERVISOR\"", "value=\"CENTER\"", "value=\"ZJJ\"");
        mvc.perform(get("/admin/duty").session(logIn("dept-environment"))).andExpect(status().isForbidden());
        mvc.perform(get("/department/duty").session(logIn("dispatcher"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiAddsAShiftAndRefusesABadImportWith400NamingTheLine() throws Exception {
        mvc.perform(post("/api/duty/roster").with(httpBasic("dept-environment", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"departmentCode":"HBJ","name":"接口值班","phone":"13922220006",
                                 "start":"2032-03-01 18:00","end":"2032-03-02 08:30","role":"OFFICER"}"""))
                .andExpect(status().isCreated());
        assertThat(mvc.perform(get("/api/duty/roster").with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("接口值班");

        String bad = "department code,name,phone,start,end,role\n"
                + "HBJ,接口值班二,13922220007,2032-03-02 18:00,2032-03-02 08:30,OFFICER\n";
        String answer = mvc.perform(multipart("/api/duty/roster/import").file(csv(bad))
                        .with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"field\":\"end\"", "\"line\":2", "line 2: end is before start");
        mvc.perform(post("/api/duty/roster").with(httpBasic("dept-environment", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "roster.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
