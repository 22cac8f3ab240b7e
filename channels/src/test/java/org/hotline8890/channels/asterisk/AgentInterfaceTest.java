package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentInterfaceTest {

    @Test
    void aDialledChannelNamesItsAgentInterfaceWithoutTheCallSuffix() {
        assertThat(AmiConnection.interfaceOf("SIP/1001-0000002a")).isEqualTo("SIP/1001");
        assertThat(AmiConnection.interfaceOf("PJSIP/agent-7-00000003")).isEqualTo("PJSIP/agent-7");
        assertThat(AmiConnection.interfaceOf("Local/1001@agents")).isEqualTo("Local/1001@agents");
        assertThat(AmiConnection.interfaceOf(null)).isNull();
    }
}
