package org.hotline8890.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersAndHalfSurrogatesGoWhileLineBreaksTabsAndEmojiStay() {
        assertThat(PlainText.clean("a\u0000b\u0007c\u007F")).isEqualTo("abc");
        assertThat(PlainText.clean("第一行\r\n第二行\t完")).isEqualTo("第一行\r\n第二行\t完");
        assertThat(PlainText.clean("噪音😀")).isEqualTo("噪音😀");
        assertThat(PlainText.clean("x\uD800y\uDC00z")).isEqualTo("xyz");
        assertThat(PlainText.clean(null)).isNull();
    }

    @Test
    void aFileNameIsNeverAPath() {
        assertThat(PlainText.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(PlainText.fileName("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(PlainText.fileName("report.pdf\u0000.exe")).isEqualTo("report.pdf.exe");
        assertThat(PlainText.fileName("..")).isEqualTo("attachment");
        assertThat(PlainText.fileName("/")).isEqualTo("attachment");
        assertThat(PlainText.fileName(null)).isEqualTo("attachment");
        assertThat(PlainText.fileName("照片 1.jpg")).isEqualTo("照片 1.jpg");
    }
}
