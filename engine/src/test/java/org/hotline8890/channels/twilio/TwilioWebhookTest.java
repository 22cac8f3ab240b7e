package org.hotline8890.channels.twilio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a free port with the Twilio channel on, reached at a public address that
 * differs from the servlet's own (as behind a proxy), so signatures must be checked against it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.channels.twilio.enabled=true",
        "hotline.channels.twilio.account-sid=" + TwilioMessagesApi.ACCOUNT_SID,
        "hotline.channels.twilio.auth-token=" + TwilioPeer.AUTH_TOKEN,
        "hotline.channels.twilio.from-number=" + TwilioMessagesApi.FROM_NUMBER,
        "hotline.channels.twilio.public-base-url=" + TwilioPeer.PUBLIC_BASE_URL,
        "hotline.channels.twilio.agent-number=" + TwilioPeer.AGENT_NUMBER})
@ActiveProfiles("test")
@interface TwilioWebhookTest {
}
