package org.hotline8890.abuse;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address a limit is counted against. {@code X-Forwarded-For} is believed only when the request
 * comes from one of our trusted proxies: anyone else could write any address there and so escape
 * every limit. Behind proxies, the client is the right-most address that is not itself a trusted
 * proxy, because the left part of the header is whatever the client chose to send.
 */
@Component
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Set<String> trustedProxies;

    ClientAddresses(AbuseSettings settings) {
        this.trustedProxies = Set.copyOf(settings.trustedProxies());
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
