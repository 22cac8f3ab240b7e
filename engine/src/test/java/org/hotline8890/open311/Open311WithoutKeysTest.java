package org.hotline8890.open311;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The default: no key configured, so reading is open and submitting is refused with a clear reason. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class Open311WithoutKeysTest {

    @Autowired MockMvc mvc;

    @Test
    void withNoKeyConfiguredASubmissionIsRefusedAndReadingStillWorks() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", "").param("service_code", "ENV.NOISE").param("address_string", "东华路口")
                        .param("description", "夜间施工"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value(containsString("没有配置任何 API 密钥")));
        mvc.perform(post("/open311/v2/requests.xml").header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", "anything"))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/description").string(containsString("no API key is configured")));
        mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk());
        mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk());
    }
}
