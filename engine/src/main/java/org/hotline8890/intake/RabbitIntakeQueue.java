package org.hotline8890.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.handler.annotation.Header;

import com.rabbitmq.client.Channel;

/**
 * Production intake queue on RabbitMQ. {@link #publish} returns only after the broker confirms the
 * persistent message; the listener acknowledges only after the case has committed, so a crash in
 * between redelivers the contact and the idempotent consumer answers with the case it already made.
 * Unreadable contacts are rejected to the dead-letter queue with the reason in a header; whatever
 * reaches that queue is recorded in the admins' list of dead letters, and acknowledged there only
 * once recorded. A contact that fails because the database is unreachable is nobody's fault and goes
 * back to the queue, however often, for as long as the outage lasts ({@link TransientFailures}).
 */
@Configuration
@ConditionalOnProperty(name = "hotline.intake-queue", havingValue = "rabbit")
class RabbitIntakeQueue implements IntakeQueue, DeadLetters.Requeue, IntakeBacklog {

    static final String EXCHANGE = "hotline.intake";
    static final String QUEUE = "hotline.intake";
    static final String DEAD_EXCHANGE = "hotline.intake.dlx";
    static final String DEAD_QUEUE = "hotline.intake.dead";
    private static final long CONFIRM_TIMEOUT_SECONDS = 10;
    private static final String REASON_HEADER = "x-hotline-reason";
    /** Long enough for the parent's intake (tens of milliseconds) to commit, short enough not to stall the consumer. */
    private static final Duration PARENT_PAUSE = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(RabbitIntakeQueue.class);

    private final RabbitTemplate rabbit;
    private final ContactCodec codec;
    private final IntakeService intake;
    private final DeadLetters deadLetters;
    private final Duration outagePause;
    private final Duration parentWait;

    RabbitIntakeQueue(RabbitTemplate rabbit, ContactCodec codec, IntakeService intake, @Lazy DeadLetters deadLetters,
                      IntakeSettings settings) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.outagePause = settings.outagePause();
        this.parentWait = settings.parentWait();
    }

    /** Ready messages on the broker's queue (unacknowledged ones in a consumer's prefetch are not counted). */
    @Override
    public long waiting() {
        Long ready = rabbit.execute(channel -> channel.messageCount(QUEUE));
        return ready == null ? 0 : ready;
    }

    @Bean
    DirectExchange intakeExchange() {
        return new DirectExchange(EXCHANGE, true, false);
    }

    @Bean
    DirectExchange intakeDeadExchange() {
        return new DirectExchange(DEAD_EXCHANGE, true, false);
    }

    @Bean
    Queue intakeQueue() {
        return QueueBuilder.durable(QUEUE).deadLetterExchange(DEAD_EXCHANGE).deadLetterRoutingKey(DEAD_QUEUE).build();
    }

    @Bean
    Queue intakeDeadQueue() {
        return QueueBuilder.durable(DEAD_QUEUE).build();
    }

    @Bean
    Binding intakeBinding() {
        return BindingBuilder.bind(intakeQueue()).to(intakeExchange()).with(QUEUE);
    }

    @Bean
    Binding intakeDeadBinding() {
        return BindingBuilder.bind(intakeDeadQueue()).to(intakeDeadExchange()).with(DEAD_QUEUE);
    }

    @Override
    public void publish(ContactMessage contact) {
        send(contact.key(), codec.encode(contact));
    }

    @Override
    public void requeue(String channel, String channelMessageId, String payload) {
        send(channel + ":" + channelMessageId, payload);
    }

    private void send(String key, String payload) {
        Message message = MessageBuilder.withBody(payload.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(key)
                .build();
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        rabbit.send(EXCHANGE, QUEUE, message, correlation);
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!confirm.isAck()) {
                throw new IllegalStateException("the broker refused contact " + key + ": " + confirm.getReason());
            }
            if (correlation.getReturned() != null) {
                throw new IllegalStateException("contact " + key + " was not routed to the intake queue");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker to confirm " + key, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not confirm contact " + key, e);
        }
    }

    @RabbitListener(queues = QUEUE, ackMode = "MANUAL")
    void consume(Message message, Channel channel, @Header(AmqpHeaders.DELIVERY_TAG) long tag) throws IOException {
        String payload = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            ContactMessage contact = codec.decode(payload);
            if (intake.awaitsParent(contact, parentWait)) {
                // Another consumer may be taking in the post or mail this one answers (they came in the
                // same poll); back on the queue for a moment, not counted as a failure.
                log.debug("contact {} waits for its parent message", contact.key());
                pause(PARENT_PAUSE);
                channel.basicNack(tag, false, true);
                return;
            }
            intake.accept(contact);
        } catch (InvalidContactException e) {
            log.warn("contact {} dead-lettered: {}", message.getMessageProperties().getMessageId(), e.getMessage());
            deadLetter(message, e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // Not the contact's fault: under the one-retry rule below, a long enough database
                // outage turned every waiting contact into a dead letter (docs/faults.md).
                log.warn("contact {} waits for the database ({}), back on the queue in {}",
                        message.getMessageProperties().getMessageId(), e.toString(), outagePause);
                pauseForOutage();
                channel.basicNack(tag, false, true);
                return;
            }
            // One more delivery for a failure that may be the contact's own; a second failure is parked.
            boolean again = !Boolean.TRUE.equals(message.getMessageProperties().getRedelivered());
            // With the stack trace: a failure that is neither an outage nor a bad contact needs a look.
            log.warn("contact {} failed ({}), {}", message.getMessageProperties().getMessageId(), e.toString(),
                    again ? "requeued" : "dead-lettered", e);
            channel.basicNack(tag, false, again);
            return;
        }
        // Outside the try: an acknowledgement lost with the broker is no failure of the contact. The
        // broker delivers it again, and the intake record answers with the case already made.
        channel.basicAck(tag, false);
    }

    /** Mirrors the dead-letter queue into the admin list; a failure to record leaves it on the queue. */
    @RabbitListener(queues = DEAD_QUEUE, ackMode = "MANUAL")
    void recordDead(Message message, Channel channel, @Header(AmqpHeaders.DELIVERY_TAG) long tag) throws IOException {
        String payload = new String(message.getBody(), StandardCharsets.UTF_8);
        String key = message.getMessageProperties().getMessageId();
        Object reason = message.getMessageProperties().getHeaders().get(REASON_HEADER);
        String[] parts = key == null ? new String[] {"UNKNOWN", "unknown"} : key.split(":", 2);
        try {
            deadLetters.record(parts[0], parts.length > 1 ? parts[1] : "", payload,
                    reason == null ? "failed twice (see the engine log)" : reason.toString());
            channel.basicAck(tag, false);
        } catch (RuntimeException e) {
            log.warn("dead letter {} could not be recorded, left on {}: {}", key, DEAD_QUEUE, e.toString());
            pauseForOutage();
            channel.basicNack(tag, false, true);
        }
    }

    /**
     * Holds the failed contact for a while before it goes back: handed back at once, it would come
     * straight back to this consumer and spin through the queue as fast as the failures come.
     */
    private void pauseForOutage() {
        pause(outagePause);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deadLetter(Message message, String reason) {
        Message dead = MessageBuilder.fromMessage(message).setHeader(REASON_HEADER, reason).build();
        rabbit.send(DEAD_EXCHANGE, DEAD_QUEUE, dead);
    }
}
