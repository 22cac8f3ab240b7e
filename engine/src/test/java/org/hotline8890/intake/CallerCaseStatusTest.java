package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.TestCases;
import org.hotline8890.channels.CaseStatusLookup;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class CallerCaseStatusTest {

    @Autowired CaseStatusLookup lookup;
    @Autowired CaseIntake intake;

    @Test
    void theCallerWhoFiledTheCaseHearsItsStatusInPlainWords() {
        String number = intake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();

        assertThat(lookup.forCaller(number, "+86 138-1234-5678")).hasValueSatisfying(report -> {
            assertThat(report.status()).isEqualTo("RECEIVED");
            assertThat(report.statusText()).isEqualTo("已登记，等待受理");
            assertThat(report.deadline()).isNull();
        });
    }

    @Test
    void anotherCallerAndAnUnknownNumberAreAnsweredAlikeWithNothing() {
        String number = intake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();

        assertThat(lookup.forCaller(number, "13900000000")).isEmpty();
        assertThat(lookup.forCaller("8890-19990101-000001", "13812345678")).isEmpty();
    }

    @Test
    void phoneNumbersMatchAcrossFormattingAndCountryCodeOnly() {
        assertThat(PhoneNumbers.same("13812345678", "008613812345678")).isTrue();
        assertThat(PhoneNumbers.same("13812345678", "8613812345678")).isTrue();
        assertThat(PhoneNumbers.same("13812345678", "3812345678")).isFalse();
        assertThat(PhoneNumbers.same(null, "13812345678")).isFalse();
    }
}
