package org.hotline8890.open311;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiKeys the keys a client must send as {@code api_key} to submit a request; none means
 *                submitting is off (reading stays open, as the standard intends)
 */
@ConfigurationProperties("hotline.channels.open311")
record Open311Settings(@DefaultValue List<String> apiKeys) {

    Open311Settings {
        apiKeys = apiKeys == null ? List.of()
                : apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}
