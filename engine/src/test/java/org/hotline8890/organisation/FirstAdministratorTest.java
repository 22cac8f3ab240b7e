package org.hotline8890.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline8890.HotlineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A new installation without demo data (the compose stack): one administrator, and a way to log in. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-first-admin;MODE=MySQL;NON_KEYWORDS=YEAR,DAY,VALUE;DB_CLOSE_DELAY=-1",
        "hotline.demo-data=false",
        "hotline.first-admin.password=" + FirstAdministratorTest.PASSWORD})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstAdministratorTest {

    static final String PASSWORD = "first-Admin-pw1";

    @Autowired MockMvc mvc;
    @Autowired StaffUserRepository users;
    @Autowired OrgUnitRepository units;
    @Autowired PasswordEncoder passwords;

    @Test
    void withDemoDataOffTheFirstAdministratorIsCreatedAtANewTopUnitAndCanLogIn() throws Exception {
        assertThat(users.count()).isEqualTo(1);
        StaffUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, admin.getPasswordHash())).isTrue();

        OrgUnit root = units.findById(admin.getOrgUnitId()).orElseThrow();
        assertThat(units.count()).isEqualTo(1);
        assertThat(root.getCode()).isEqualTo("CITY");
        assertThat(root.getKind()).isEqualTo(OrgUnitKind.CITY);
        assertThat(root.getParentId()).isNull();

        mvc.perform(get("/api/admin/calendar").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/admin/calendar").with(httpBasic("admin", "demo"))).andExpect(status().isUnauthorized());
    }

    @Test
    void withNoStaffUserAndNoPasswordTheApplicationRefusesToStart() {
        // Arguments, not builder properties: those are defaults that application.yml would override.
        SpringApplicationBuilder app = new SpringApplicationBuilder(HotlineApplication.class).profiles("test");
        assertThatThrownBy(() -> app.run(
                        "--spring.datasource.url=jdbc:h2:mem:hotline-no-admin;MODE=MySQL;NON_KEYWORDS=YEAR,DAY,VALUE;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.process-engine-name=no-admin",
                        "--hotline.demo-data=false",
                        "--hotline.first-admin.password=",
                        "--server.port=0",
                        "--spring.main.banner-mode=off").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No staff user exists")
                .hasMessageContaining("HOTLINE_ADMIN_PASSWORD");
    }
}
