package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The citizen API's per-address limits hold on the page forms too, and the refusal is a page for people. */
@SpringBootTest(properties = {"hotline.abuse.submissions.count=1", "hotline.abuse.submissions.period=1h",
        "hotline.abuse.lookups.count=1", "hotline.abuse.lookups.period=1h"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CitizenPagesLimitsTest {

    @Autowired MockMvc mvc;

    @Test
    void aSecondSubmissionFromTheSameAddressIsAskedToWaitOnAFriendlyPage() throws Exception {
        mvc.perform(from("10.20.0.1", post("/citizen/requests")).param("type", "COMPLAINT").param("category", "ENV.NOISE")
                .param("district", "DC").param("subject", "噪音").param("content", "夜间施工").param("anonymous", "true"))
                .andExpect(status().isOk());
        String page = mvc.perform(from("10.20.0.1", post("/citizen/requests")).param("subject", "again"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请稍后再试", "返回首页").doesNotContain("\"code\"");
    }

    @Test
    void aSecondLookupFromTheSameAddressIsAskedToWait() throws Exception {
        mvc.perform(from("10.20.0.2", post("/citizen/cases/lookup")).param("caseNumber", "8890-20260101-000001")
                .param("queryCode", "ABCDEFGH")).andExpect(status().isOk());
        mvc.perform(from("10.20.0.2", post("/citizen/cases/lookup")).param("caseNumber", "8890-20260101-000001")
                .param("queryCode", "ABCDEFGH")).andExpect(status().isTooManyRequests());
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
