package org.hotline8890.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.organisation.StaffAccounts;
import org.hotline8890.organisation.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The staff API remembers a verified password ({@link RememberedPasswordMatches}); what an administrator
 * changes about a login must still count from the very next call.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiPasswordChangesTest {

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired Organisation organisation;

    private StaffUser agent(String username, String password) {
        Long center = organisation.byCode("CENTER").orElseThrow().getId();
        return accounts.create(username, "API agent", Role.AGENT, center, password);
    }

    private void call(String username, String password, ResultMatcher expected) throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "噪音扰民").with(httpBasic(username, password)))
                .andExpect(expected);
    }

    @Test
    void aResetPasswordRefusesTheOldOneAtTheNextCall() throws Exception {
        StaffUser user = agent("api-reset", "first password 1");
        call("api-reset", "first password 1", status().isOk());
        call("api-reset", "first password 1", status().isOk());

        accounts.resetPassword(user.getId(), "second password 2");

        call("api-reset", "first password 1", status().isUnauthorized());
        call("api-reset", "second password 2", status().isOk());
    }

    @Test
    void aDisabledLoginIsRefusedAtTheNextCallAndAnEnabledOneAcceptedAgain() throws Exception {
        StaffUser user = agent("api-disabled", "some password 3");
        call("api-disabled", "some password 3", status().isOk());

        accounts.disable(user.getId());
        call("api-disabled", "some password 3", status().isUnauthorized());

        accounts.enable(user.getId());
        call("api-disabled", "some password 3", status().isOk());
    }

    @Test
    void aNewRoleCountsAtTheNextCall() throws Exception {
        StaffUser user = agent("api-role", "role password 4");
        call("api-role", "role password 4", status().isOk());

        accounts.changeRoleAndUnit(user.getId(), Role.DEPARTMENT, organisation.byCode("HBJ").orElseThrow().getId());
        call("api-role", "role password 4", status().isForbidden());
    }
}
