package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A login without a page asked for lands on the person's own workbench, and the navigation offers only theirs. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StaffHomeTest {

    @Autowired MockMvc mvc;

    @Test
    void eachDemoRoleLandsOnItsOwnWorkbench() throws Exception {
        assertThat(landing("agent")).isEqualTo("/agent");
        assertThat(landing("dispatcher")).isEqualTo("/center");
        assertThat(landing("dept-environment")).isEqualTo("/department");
        assertThat(landing("admin")).isEqualTo("/admin");
    }

    @Test
    void theNavigationShowsADepartmentOnlyItsWorkbenchAndTheDashboard() throws Exception {
        MockHttpSession session = logIn("dept-environment");
        String page = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/department\"", "href=\"/public/dashboard\"", "当前用户：dept-environment")
                .doesNotContain("href=\"/center\"", "href=\"/agent\"", "href=\"/admin\"");
    }

    @Test
    void anonymousVisitorsSeeNoStaffNavigation() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("href=\"/department\"", "退出登录");
    }

    private String landing(String user) throws Exception {
        MockHttpSession session = logIn(user);
        return mvc.perform(get("/staff").session(session)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
