package org.hotline8890.channels.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with the phone channel on, its FastAGI server on a free port and its AMI
 * client logged in to a {@link FakeAmi}. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AsteriskWireTest {

    static final FakeAmi AMI = startFakeAmi();
    static final int AGI_PORT = freePort();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry properties) {
        properties.add("hotline.channels.asterisk.agi.enabled", () -> "true");
        properties.add("hotline.channels.asterisk.agi.bind-address", () -> "127.0.0.1");
        properties.add("hotline.channels.asterisk.agi.port", () -> AGI_PORT);
        properties.add("hotline.channels.asterisk.ami.enabled", () -> "true");
        properties.add("hotline.channels.asterisk.ami.host", () -> "127.0.0.1");
        properties.add("hotline.channels.asterisk.ami.port", AMI::port);
        properties.add("hotline.channels.asterisk.ami.secret", () -> "test-secret");
        properties.add("hotline.channels.asterisk.ami.retry-interval", () -> "PT0.2S");
        properties.add("hotline.channels.asterisk.ivr.receipt-wait", () -> "PT1S");
        properties.add("hotline.channels.asterisk.agents.[SIP/1001]", () -> "agent");
    }

    private static FakeAmi startFakeAmi() {
        try {
            return new FakeAmi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
