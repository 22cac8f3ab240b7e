package org.hotline8890.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;

/**
 * An adapter of our own seam that keeps what it was given, for testing the delivery loop apart
 * from any provider (the real adapters are tested against their real protocol peers). Failures can
 * be planned per case number, so that cases of other tests in the same database are not disturbed.
 */
class RecordingOutbound implements OutboundChannel {

    private final Channel channel;
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Map<String, List<DeliveryException>> plannedFailures = new ConcurrentHashMap<>();

    RecordingOutbound(Channel channel) {
        this.channel = channel;
    }

    void failNext(String caseNumber, DeliveryException failure) {
        plannedFailures.computeIfAbsent(caseNumber, k -> new CopyOnWriteArrayList<>()).add(failure);
    }

    List<OutboundMessage> sentFor(String caseNumber) {
        List<OutboundMessage> mine = new ArrayList<>();
        sent.stream().filter(m -> m.caseNumber().equals(caseNumber)).forEach(mine::add);
        return mine;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        List<DeliveryException> planned = plannedFailures.get(message.caseNumber());
        if (planned != null && !planned.isEmpty()) {
            throw planned.remove(0);
        }
        sent.add(message);
        return "<" + channel.name().toLowerCase() + "-" + message.notificationId() + "@hotline.test>";
    }
}
