package org.hotline8890.channels.twilio;

import java.net.URI;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client, sending to a configured API address instead of {@code https://api.twilio.com}
 * (the SDK builds that address into every request): a relay in a locked-down network, or a local
 * server in tests. Path, query, form, headers and credentials go through unchanged.
 */
class ApiBaseUrlHttpClient extends NetworkHttpClient {

    private final URI apiBaseUrl;

    ApiBaseUrlHttpClient(URI apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(redirected(request));
    }

    private Request redirected(Request original) {
        URI url = URI.create(original.getUrl());
        Request copy = new Request(original.getMethod(), apiBaseUrl.getScheme() + "://" + apiBaseUrl.getRawAuthority()
                + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        original.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
        original.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
        return copy;
    }
}
