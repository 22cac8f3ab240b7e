package org.hotline8890.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How the retention setting reads: three years unless said otherwise; 0 keeps data for ever. */
class RetentionPropertiesTest {

    private static RetentionProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("hotline.retention", RetentionProperties.class);
    }

    @Test
    void withoutASettingPersonalDataIsKeptThreeYears() {
        RetentionProperties retention = bind(Map.of());
        assertThat(retention.personalData()).isEqualTo(Period.ofYears(3));
        assertThat(retention.keepsForever()).isFalse();
    }

    @Test
    void zeroKeepsPersonalDataForEver() {
        assertThat(bind(Map.of("hotline.retention.personal-data", "0")).keepsForever()).isTrue();
    }

    @Test
    void anEmptySettingMeansTheDefaultNotForEver() {
        assertThat(bind(Map.of("hotline.retention.personal-data", "")).personalData()).isEqualTo(Period.ofYears(3));
    }

    @Test
    void aPeriodCanBeWrittenTheShortWay() {
        assertThat(bind(Map.of("hotline.retention.personal-data", "18m")).personalData()).isEqualTo(Period.ofMonths(18));
    }
}
