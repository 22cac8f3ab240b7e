package org.hotline8890.channels.asterisk;

import java.time.Instant;

/**
 * What the engine learns from Asterisk's queue, as Spring application events. {@code callId} is the
 * caller's channel unique id, the same in every event of one call.
 */
public sealed interface QueueCallEvent {

    String callId();

    Instant at();

    /** The phone of an agent who is a staff user ({@code staffUsername}) rings for a call. */
    record AgentRinging(String callId, Instant at, String queue, String callerNumber, String agentInterface,
                        String staffUsername) implements QueueCallEvent {
    }

    /** A caller joined a queue: the call is offered. */
    record CallerJoined(String callId, Instant at, String queue, String callerNumber) implements QueueCallEvent {
    }

    /** An agent took the call after {@code waitSeconds} in the queue. */
    record AgentAnswered(String callId, Instant at, String queue, String agentInterface, long waitSeconds)
            implements QueueCallEvent {
    }

    /** The caller gave up waiting after {@code waitSeconds}. */
    record CallerAbandoned(String callId, Instant at, String queue, long waitSeconds) implements QueueCallEvent {
    }

    /** A channel hung up; for a caller still waiting in a queue this means the call was abandoned. */
    record HungUp(String callId, Instant at) implements QueueCallEvent {
    }
}
