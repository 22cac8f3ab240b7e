package org.hotline8890;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a real-servers test (tag "real-servers") at the MariaDB and RabbitMQ named by the HOTLINE_IT_*
 * variables (see README and .ci/run), with the job executor off so the test drives timers itself.
 */
public final class RealServers {

    private RealServers() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> env("HOTLINE_IT_DB_URL"));
        registry.add("spring.datasource.username", () -> env("HOTLINE_IT_DB_USER"));
        registry.add("spring.datasource.password", () -> env("HOTLINE_IT_DB_PASSWORD"));
        registry.add("spring.rabbitmq.host", () -> env("HOTLINE_IT_RABBIT_HOST"));
        registry.add("spring.rabbitmq.port", () -> env("HOTLINE_IT_RABBIT_PORT"));
        registry.add("spring.rabbitmq.username", () -> env("HOTLINE_IT_RABBIT_USER"));
        registry.add("spring.rabbitmq.password", () -> env("HOTLINE_IT_RABBIT_PASSWORD"));
        // Optional: a virtual host of its own keeps this run's queues apart from another run's on the same broker.
        registry.add("spring.rabbitmq.virtual-host", () -> System.getenv().getOrDefault("HOTLINE_IT_RABBIT_VHOST", "/"));
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " must be set for the real-servers tests (see README)");
        }
        return value;
    }
}
