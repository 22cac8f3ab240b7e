package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hotline8890.TestCases;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseType;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The center and a department hear at once when a case they list changes; a department only of its own. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QueueChangesTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired ApplicationContext context;

    @Test
    void aDispatchIsHeardByTheCenterAndTheReceivingDepartmentButNotByAnother() throws Exception {
        MockHttpServletResponse center = listen("dispatcher", "/center/live");
        MockHttpServletResponse environment = listen("dept-environment", "/department/live");
        MockHttpServletResponse housing = listen("dept-housing", "/department/live");

        String number = desk.submit(new CaseRequest(CaseType.COMPLAINT, "ENV.NOISE", null, "DC", null, "夜间施工噪音",
                "工地每晚施工到凌晨", "王女士", "13812345678", null, false, false, true, null),
                UUID.randomUUID().toString()).caseNumber();
        IntakeQueueDrain.drainAll(context);
        assertThat(events(center)).as("the center hears the new request").isGreaterThanOrEqualTo(1);
        int housingBefore = events(housing);

        actions.reviewIntake(TestCases.dispatcher(organisation), number, IntakeDecision.DISPATCH, null, null, "HBJ");

        assertThat(events(environment)).as("the receiving department").isGreaterThanOrEqualTo(1);
        assertThat(events(housing)).as("another department").isEqualTo(housingBefore);
    }

    @Test
    void aDepartmentCannotListenToTheCenter() throws Exception {
        MockHttpSession department = logIn("dept-housing");
        mvc.perform(get("/center/live").session(department)).andExpect(status().isForbidden());
    }

    private MockHttpServletResponse listen(String user, String path) throws Exception {
        return mvc.perform(get(path).session(logIn(user))).andExpect(request().asyncStarted()).andReturn().getResponse();
    }

    private static int events(MockHttpServletResponse stream) throws Exception {
        return stream.getContentAsString().split("event:" + QueueChanges.EVENT, -1).length - 1;
    }

    private MockHttpSession logIn(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo")).andReturn()
                .getRequest().getSession(false);
    }
}
