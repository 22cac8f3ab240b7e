package org.hotline8890.intake;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.hotline8890.channels.Channel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How much each channel brought in: the admin's first sign that a channel has gone quiet. */
@Service
public class ChannelActivity {

    /** {@code lastReceived} is null for a channel that never brought a contact. */
    public record Traffic(Instant lastReceived, long since) {

        static final Traffic NONE = new Traffic(null, 0);
    }

    private final IntakeContactRepository contacts;

    ChannelActivity(IntakeContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Per channel, the latest contact and the number of contacts received from {@code since} on. */
    @Transactional(readOnly = true)
    public Map<Channel, Traffic> trafficSince(Instant since) {
        Map<Channel, Traffic> traffic = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            traffic.put(channel, Traffic.NONE);
        }
        for (Object[] row : contacts.latestByChannel()) {
            traffic.put((Channel) row[0], new Traffic((Instant) row[1], 0));
        }
        for (Object[] row : contacts.countByChannelSince(since)) {
            Channel channel = (Channel) row[0];
            traffic.put(channel, new Traffic(traffic.get(channel).lastReceived(), (Long) row[1]));
        }
        return traffic;
    }
}
