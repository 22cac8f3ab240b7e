package org.hotline8890.web;

import java.io.IOException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A browser test class's one {@link Chromium}: started before the first test, once the application's
 * random port is known; without cookies (so logged out, language forgotten) before each test; closed
 * after the last. Use as {@code @RegisterExtension static final OneBrowser session = new OneBrowser(...)}.
 */
public final class OneBrowser implements BeforeEachCallback, AfterAllCallback {

    private final String windowSize;
    private Chromium chromium;

    public OneBrowser(String windowSize) {
        this.windowSize = windowSize;
    }

    public Chromium chromium() {
        return chromium;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (chromium == null) {
            int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                    .getRequiredProperty("local.server.port"));
            chromium = Chromium.start(port, windowSize);
        }
        chromium.forgetCookies();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
