package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How citizens' keypad digits, texts and numbers are read. */
class TwilioTextInputTest {

    private final CaseNumberInput caseNumbers = new CaseNumberInput("8890");

    @Test
    void keypadDigitsWithOrWithoutThePrefixMakeTheCaseNumber() {
        assertThat(caseNumbers.fromKeypad("889020261123000042")).hasValue("8890-20261123-000042");
        assertThat(caseNumbers.fromKeypad("20261123000042#")).hasValue("8890-20261123-000042");
        assertThat(caseNumbers.fromKeypad("123")).isEmpty();
        assertThat(caseNumbers.fromKeypad("123420261123000042")).as("another hotline's prefix").isEmpty();
        assertThat(caseNumbers.fromKeypad(null)).isEmpty();
        assertThat(new CaseNumberInput("12345").fromKeypad("1234520261123000042")).hasValue("12345-20261123-000042");
    }

    @Test
    void aCaseNumberIsFoundInATextWithDashesSpacesOrNothingBetweenItsParts() {
        assertThat(caseNumbers.findIn("关于工单8890-20261123-000042的补充")).hasValue("8890-20261123-000042");
        assertThat(caseNumbers.findIn("工单 8890 20261123 000042")).hasValue("8890-20261123-000042");
        assertThat(caseNumbers.findIn("889020261123000042")).hasValue("8890-20261123-000042");
        assertThat(caseNumbers.findIn("电话 13812345678，地址 8890 号")).isEmpty();
        assertThat(caseNumbers.findIn("98890-20261123-000042")).isEmpty();
    }

    @Test
    void aVoiceReadsTheCaseNumberDigitByDigit() {
        assertThat(CaseNumberInput.spokenDigits("8890-20261123-000042"))
                .isEqualTo("8 8 9 0 ， 2 0 2 6 1 1 2 3 ， 0 0 0 0 4 2");
    }

    @Test
    void smsCommandsAreRecognisedInFullWidthAndAnyCase() {
        assertThat(SmsText.of("ＣＸ　8890-20261123-000042").statusQuery()).hasValue("8890-20261123-000042");
        assertThat(SmsText.of(" cx8890-20261123-000042 ").statusQuery()).hasValue("8890-20261123-000042");
        assertThat(SmsText.of("CX").statusQuery()).hasValue("");
        assertThat(SmsText.of("CXK小区路灯不亮").statusQuery()).isEmpty();
        assertThat(SmsText.of("路灯不亮").statusQuery()).isEmpty();
    }

    @Test
    void textsWithoutWordsOrWithUndecodableCharactersAreNoticed() {
        assertThat(SmsText.of(null).hasWords()).isFalse();
        assertThat(SmsText.of(" \n ").hasWords()).isFalse();
        assertThat(SmsText.of("👍👍！").hasWords()).isFalse();
        assertThat(SmsText.of("👍 好").hasWords()).isTrue();
        assertThat(SmsText.of("路灯\uFFFD坏了").isUndecodable()).isTrue();
        assertThat(SmsText.of("路灯\uD83D坏了").isUndecodable()).as("half an emoji").isTrue();
        assertThat(SmsText.of("路灯坏了😡").isUndecodable()).isFalse();
    }

    @Test
    void callerNumbersAreKeptAsTheHotlineWritesThem() {
        assertThat(PhoneNumbers.forCase("+8613812345678")).hasValue("13812345678");
        assertThat(PhoneNumbers.forCase("+862112345678")).hasValue("+862112345678");
        assertThat(PhoneNumbers.forCase("+447700900123")).hasValue("+447700900123");
        assertThat(PhoneNumbers.forCase("+266696687")).as("withheld").isEmpty();
        assertThat(PhoneNumbers.forCase("client:agent-7")).isEmpty();
        assertThat(PhoneNumbers.forCase(null)).isEmpty();
    }

    @Test
    void numbersAreSentInE164() {
        assertThat(PhoneNumbers.toE164("13812345678", "86")).hasValue("+8613812345678");
        assertThat(PhoneNumbers.toE164("010-1234 5678", "86")).hasValue("+861012345678");
        assertThat(PhoneNumbers.toE164("0086 138 1234 5678", "86")).hasValue("+8613812345678");
        assertThat(PhoneNumbers.toE164("+44 7700 900123", "86")).hasValue("+447700900123");
        assertThat(PhoneNumbers.toE164("12", "86")).isEmpty();
        assertThat(PhoneNumbers.toE164(null, "86")).isEmpty();
    }
}
