package org.hotline8890.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;

/**
 * Publishes contacts to the intake queue the way a channel adapter does: a persistent JSON
 * {@link ContactMessage} with its idempotency key as the message id, counted as sent only once the
 * broker confirms it. A batch the broker did not confirm (it was down, or went down) is sent again
 * whole once it is back: the engine's idempotent consumer makes one case of each key however often
 * it arrives.
 */
final class ChannelAdapter implements AutoCloseable {

    /** The engine's intake exchange and routing key (intake.RabbitIntakeQueue). */
    static final String EXCHANGE = "hotline.intake";
    static final String ROUTING_KEY = "hotline.intake";
    static final String DEAD_QUEUE = "hotline.intake.dead";
    private static final int BATCH = 200;

    private final PrivateRabbitMq rabbit;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private Connection connection;
    private com.rabbitmq.client.Channel channel;
    private int reconnects;
    private boolean lost;

    ChannelAdapter(PrivateRabbitMq rabbit) {
        this.rabbit = rabbit;
    }

    /** A citizen's SMS; its subject carries the message id so cases can be counted by it. */
    static ContactMessage sms(String messageId) {
        return new ContactMessage(Channel.SMS, messageId, Instant.now(),
                new ContactMessage.Sender(null, "1380013" + String.format("%04d", Math.abs(messageId.hashCode()) % 10000), null, null, false),
                subject(messageId), "小区路灯坏了一个多月，晚上出行不便，请尽快修理。", List.of(), "东华路12号", null,
                null, null, null, false, false, null, Map.of());
    }

    static String subject(String messageId) {
        return "fault-suite " + messageId;
    }

    /** Sends every contact, each confirmed by the broker, retrying through outages until the deadline. */
    void sendAll(List<ContactMessage> contacts, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        for (int from = 0; from < contacts.size(); from += BATCH) {
            List<ContactMessage> batch = contacts.subList(from, Math.min(contacts.size(), from + BATCH));
            while (!sendConfirmed(batch)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the broker confirmed only " + from + " of " + contacts.size()
                            + " contacts within " + within);
                }
                Thread.sleep(500);
            }
        }
    }

    /** How many times the adapter had to connect again after losing the broker. */
    int reconnects() {
        return reconnects;
    }

    private boolean sendConfirmed(List<ContactMessage> batch) {
        try {
            if (channel == null || !channel.isOpen()) {
                if (lost) {
                    reconnects++;
                    lost = false;
                }
                closeQuietly();
                connection = rabbit.connectionFactory().newConnection("fault-suite-adapter");
                channel = connection.createChannel();
                channel.confirmSelect();
            }
            for (ContactMessage contact : batch) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                        .deliveryMode(2).messageId(contact.key()).build();
                channel.basicPublish(EXCHANGE, ROUTING_KEY, true, properties,
                        json.writeValueAsString(contact).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
            return true;
        } catch (Exception e) {
            lost = true;
            closeQuietly();
            return false;
        }
    }

    /** Messages ready on a queue (not those a consumer holds unacknowledged). */
    long ready(String queue) throws Exception {
        try (Connection c = rabbit.connectionFactory().newConnection("fault-suite-probe");
             com.rabbitmq.client.Channel ch = c.createChannel()) {
            return ch.messageCount(queue);
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.abort(1000);
            }
        } catch (RuntimeException ignored) {
            // Already gone with the broker.
        }
        connection = null;
        channel = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
