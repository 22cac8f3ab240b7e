package org.hotline8890;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hotline's own settings. Every value has a default that suits a Chinese city hotline; local
 * rules (time limits, the dispatch catalogue) are DMN tables, not settings.
 *
 * @param caseNumberPrefix    first part of every case number, e.g. 8890 or 12345
 * @param zone                the hotline's time zone: working days and case numbers follow it
 * @param officeOpens         start of office hours, for limits counted in working hours
 * @param officeCloses        end of office hours
 * @param warningRatio        share of the handling time after which the department is warned
 * @param feedbackWindow      how long a citizen has to rate a reply before the case closes without
 * @param maxRehandles        how often a dissatisfied citizen can send a case back (重办)
 * @param returnsBeforeDesignation after this many returns the center designates the department
 * @param demoData            load the demo city, its departments and demo logins at start-up
 * @param publicUrl           the URL citizens and staff reach the product at (printed at start-up)
 * @param intakeQueue         in-process (durable table, embedded default) or rabbit
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(
        @DefaultValue("8890") String caseNumberPrefix,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("08:30") LocalTime officeOpens,
        @DefaultValue("17:30") LocalTime officeCloses,
        @DefaultValue("0.8") double warningRatio,
        @DefaultValue("P3D") Duration feedbackWindow,
        @DefaultValue("2") int maxRehandles,
        @DefaultValue("3") int returnsBeforeDesignation,
        @DefaultValue("true") boolean demoData,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("in-process") String intakeQueue) {
}
