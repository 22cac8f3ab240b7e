package org.hotline8890.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda's web apps on a real server: admins enter with their staff login, nobody else does. A
 * real HTTP server, because the web apps run in servlets of their own that MockMvc does not reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitLoginTest {

    @LocalServerPort int port;

    @Test
    void anAdminEntersCockpitWithTheStaffLoginAsThemselves() throws Exception {
        HttpClient browser = browser();
        logIn(browser, "admin");

        HttpResponse<String> cockpit = get(browser, "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).as(cockpit.headers().map() + cockpit.body()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");

        HttpResponse<String> who = get(browser, "/camunda/api/admin/auth/user/default");
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void otherStaffAreRefusedAndStrangersAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> anonymous = get(browser(), "/camunda/app/cockpit/default/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpClient dispatcher = browser();
        logIn(dispatcher, "dispatcher");
        HttpResponse<String> refused = get(dispatcher, "/camunda/app/cockpit/default/");
        assertThat(refused.statusCode()).as(refused.headers().map() + refused.body()).isEqualTo(403);
        HttpResponse<String> api = get(dispatcher, "/camunda/api/admin/auth/user/default");
        assertThat(api.statusCode()).as(api.headers().map() + api.body()).isEqualTo(403);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private void logIn(HttpClient browser, String user) throws Exception {
        String page = get(browser, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
