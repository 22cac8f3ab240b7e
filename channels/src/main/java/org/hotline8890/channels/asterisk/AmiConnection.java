package org.hotline8890.channels.asterisk;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The AMI connection. It logs in in the background, trying again every {@code retry-interval} while
 * Asterisk cannot be reached; once logged in, Asterisk-Java reconnects by itself after a drop. Queue
 * and dial events become {@link QueueCallEvent}s on the application's event bus.
 */
@Component
@ConditionalOnProperty(name = "hotline.channels.asterisk.ami.enabled", havingValue = "true")
class AmiConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);
    private static final int RECENT_RINGS = 512;

    private final AsteriskSettings.Ami settings;
    private final Map<String, String> agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** AgentCalled and DialBegin both announce one ring; the agent's console gets one pop. */
    private final Set<String> recentRings = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_RINGS;
        }
    }));
    private volatile ManagerConnection connection;
    private volatile Thread connector;

    AmiConnection(AsteriskSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings.ami();
        this.agents = settings.agents();
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void start() {
        ManagerConnection ami = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        ami.addEventListener(this::onEvent);
        connection = ami;
        Thread thread = new Thread(() -> logInUntilConnected(ami), "ami-connector");
        thread.setDaemon(true);
        thread.start();
        connector = thread;
    }

    private void logInUntilConnected(ManagerConnection ami) {
        while (connection == ami && !Thread.currentThread().isInterrupted()) {
            try {
                ami.login();
                if (connection != ami) {
                    ami.logoff();
                    return;
                }
                log.info("AMI logged in to {}:{} as {}", settings.host(), settings.port(), settings.username());
                return;
            } catch (Exception e) {
                log.warn("AMI login to {}:{} failed ({}); trying again in {}", settings.host(), settings.port(),
                        e.toString(), settings.retryInterval());
            }
            try {
                Thread.sleep(settings.retryInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        ManagerConnection ami = connection;
        connection = null;
        Thread thread = connector;
        if (thread != null) {
            thread.interrupt();
            connector = null;
        }
        if (ami != null && (ami.getState() == ManagerConnectionState.CONNECTED
                || ami.getState() == ManagerConnectionState.RECONNECTING)) {
            // Also ends Asterisk-Java's own reconnect loop.
            ami.logoff();
        }
    }

    @Override
    public boolean isRunning() {
        return connection != null;
    }

    void onEvent(ManagerEvent event) {
        try {
            QueueCallEvent translated = translate(event, clock.instant());
            if (translated != null) {
                events.publishEvent(translated);
            }
        } catch (RuntimeException e) {
            log.warn("AMI event {} not handled", event.getClass().getSimpleName(), e);
        }
    }

    private QueueCallEvent translate(ManagerEvent event, Instant now) {
        if (event instanceof AgentCalledEvent called) {
            String agentInterface = first(called.getInterface(), called.getAgentCalled());
            return ringing(called.getUniqueId(), now, called.getQueue(), first(called.getCallerIdNum(), called.getCallerId()),
                    agentInterface, called.getMemberName());
        }
        if (event instanceof DialBeginEvent dial) {
            return ringing(dial.getUniqueId(), now, null, dial.getCallerIdNum(), interfaceOf(dial.getDestChannel()), null);
        }
        if (event instanceof QueueCallerJoinEvent join) {
            return new QueueCallEvent.CallerJoined(join.getUniqueId(), now, join.getQueue(), join.getCallerIdNum());
        }
        if (event instanceof AgentConnectEvent connect) {
            long wait = connect.getHoldTime() == null ? 0 : connect.getHoldTime();
            return new QueueCallEvent.AgentAnswered(connect.getUniqueId(), now, connect.getQueue(),
                    first(connect.getInterface(), connect.getMember()), wait);
        }
        if (event instanceof QueueCallerAbandonEvent abandon) {
            long wait = abandon.getHoldTime() == null ? 0 : abandon.getHoldTime();
            return new QueueCallEvent.CallerAbandoned(abandon.getUniqueId(), now, abandon.getQueue(), wait);
        }
        if (event instanceof HangupEvent hangup) {
            return new QueueCallEvent.HungUp(hangup.getUniqueId(), now);
        }
        return null;
    }

    private QueueCallEvent ringing(String callId, Instant now, String queue, String callerNumber, String agentInterface,
                                   String memberName) {
        if (callId == null || agentInterface == null) {
            return null;
        }
        String staff = first(agents.get(agentInterface), memberName == null ? null : agents.get(memberName));
        if (staff == null || !recentRings.add(callId + "|" + agentInterface)) {
            return null;
        }
        return new QueueCallEvent.AgentRinging(callId, now, queue, callerNumber, agentInterface, staff);
    }

    /** {@code SIP/1001-0000002a} is a call on the interface {@code SIP/1001}. */
    static String interfaceOf(String channelName) {
        if (channelName == null) {
            return null;
        }
        int dash = channelName.lastIndexOf('-');
        return dash > channelName.indexOf('/') && dash > 0 ? channelName.substring(0, dash) : channelName;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
