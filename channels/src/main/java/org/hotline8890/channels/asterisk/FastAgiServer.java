package org.hotline8890.channels.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for Asterisk's FastAGI connections and runs the IVR for the configured script path; any
 * other path is refused. It starts with the application and stops before the queue and database do.
 */
@Component
@ConditionalOnProperty(name = "hotline.channels.asterisk.agi.enabled", havingValue = "true")
class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AsteriskSettings.Agi settings;
    private final HotlineIvr ivr;
    private volatile DefaultAgiServer server;
    private volatile Thread acceptor;

    FastAgiServer(AsteriskSettings settings, HotlineIvr ivr) {
        this.settings = settings.agi();
        this.ivr = ivr;
    }

    @Override
    public void start() {
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.of(settings.scriptName(), ivr));
        DefaultAgiServer agi = new DefaultAgiServer(mapping);
        agi.setPort(settings.port());
        agi.setPoolSize(Math.min(10, settings.poolSize()));
        agi.setMaximumPoolSize(settings.poolSize());
        try {
            agi.setAddress(InetAddress.getByName(settings.bindAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("hotline.channels.asterisk.agi.bind-address is not an address", e);
        }
        Thread thread = new Thread(() -> {
            try {
                agi.startup();
            } catch (IOException e) {
                log.error("FastAGI server could not listen on {}:{}", settings.bindAddress(), settings.port(), e);
            }
        }, "fastagi-acceptor");
        thread.setDaemon(true);
        thread.start();
        server = agi;
        acceptor = thread;
        log.info("FastAGI IVR listening on {}:{} as agi://<this host>:{}/{}", settings.bindAddress(), settings.port(),
                settings.port(), settings.scriptName());
    }

    @Override
    public void stop() {
        DefaultAgiServer agi = server;
        if (agi != null) {
            agi.shutdown();
            server = null;
        }
        Thread thread = acceptor;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acceptor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
