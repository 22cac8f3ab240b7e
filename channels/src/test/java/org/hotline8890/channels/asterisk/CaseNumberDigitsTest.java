package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumberDigitsTest {

    @Test
    void theDateAndCounterDigitsRebuildTheCaseNumber() {
        assertThat(CaseNumberDigits.caseNumber("20261123000042", "8890")).hasValue("8890-20261123-000042");
    }

    @Test
    void theDigitsWithThePrefixInFrontAreAcceptedToo() {
        assertThat(CaseNumberDigits.caseNumber("889020261123000042", "8890")).hasValue("8890-20261123-000042");
        assertThat(CaseNumberDigits.caseNumber("1234520261123000042", "12345")).hasValue("12345-20261123-000042");
    }

    @Test
    void tooFewTooManyOrForeignDigitsAreNoCaseNumber() {
        assertThat(CaseNumberDigits.caseNumber("123", "8890")).isEmpty();
        assertThat(CaseNumberDigits.caseNumber("202611230000421", "8890")).isEmpty();
        assertThat(CaseNumberDigits.caseNumber("123420261123000042", "8890")).isEmpty();
        assertThat(CaseNumberDigits.caseNumber("", "8890")).isEmpty();
        assertThat(CaseNumberDigits.caseNumber(null, "8890")).isEmpty();
    }

    @Test
    void theNumberIsReadBackAsAllItsDigits() {
        assertThat(CaseNumberDigits.spoken("8890-20261123-000042")).isEqualTo("889020261123000042");
    }
}
