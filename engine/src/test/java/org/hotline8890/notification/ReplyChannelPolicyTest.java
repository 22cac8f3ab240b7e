package org.hotline8890.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline8890.cases.CitizenContact;
import org.hotline8890.channels.Channel;
import org.junit.jupiter.api.Test;

class ReplyChannelPolicyTest {

    private static final CitizenContact EVERYTHING =
            new CitizenContact("张三", "13812345678", "zhang@example.cn", "@zhang", false);

    @Test
    void repliesGoBackTheWayTheRequestCame() {
        assertThat(ReplyChannelPolicy.channelFor(Channel.MAIL, EVERYTHING)).contains(Channel.MAIL);
        assertThat(ReplyChannelPolicy.channelFor(Channel.SMS, EVERYTHING)).contains(Channel.SMS);
        assertThat(ReplyChannelPolicy.channelFor(Channel.MICROBLOG, EVERYTHING)).contains(Channel.MICROBLOG);
    }

    @Test
    void aCallOrAWebRequestIsAnsweredBySmsOnAMobileElseByMail() {
        assertThat(ReplyChannelPolicy.channelFor(Channel.PHONE, EVERYTHING)).contains(Channel.SMS);
        assertThat(ReplyChannelPolicy.channelFor(Channel.WEB, EVERYTHING)).contains(Channel.SMS);
        CitizenContact landline = new CitizenContact(null, "010-65123456", "li@example.cn", null, false);
        assertThat(ReplyChannelPolicy.channelFor(Channel.PHONE, landline)).contains(Channel.MAIL);
        CitizenContact landlineOnly = new CitizenContact(null, "010-65123456", null, null, false);
        assertThat(ReplyChannelPolicy.channelFor(Channel.PHONE, landlineOnly)).isEmpty();
    }

    @Test
    void anonymousCitizensAreNeverContacted() {
        CitizenContact anonymous = new CitizenContact(null, "13812345678", null, null, true);
        assertThat(ReplyChannelPolicy.channelFor(Channel.SMS, anonymous)).isEmpty();
    }

    @Test
    void mainlandMobilesAreRecognisedWithOrWithoutTheCountryCode() {
        assertThat(ReplyChannelPolicy.isMobile("+86 138-1234-5678")).isTrue();
        assertThat(ReplyChannelPolicy.isMobile("008613812345678")).isTrue();
        assertThat(ReplyChannelPolicy.isMobile("12812345678")).isFalse();
        assertThat(ReplyChannelPolicy.isMobile("010-65123456")).isFalse();
    }
}
