package org.hotline8890.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refreshInterval}: how often the gauges that need a database query are read again. A scrape
 * only reads the last values, so a busy Prometheus never adds load on the database.
 */
@ConfigurationProperties("hotline.metrics")
record MetricsSettings(@DefaultValue("30s") Duration refreshInterval) {
}
