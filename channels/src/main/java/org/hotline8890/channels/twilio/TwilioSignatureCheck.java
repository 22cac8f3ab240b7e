package org.hotline8890.channels.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a webhook run only if Twilio signed it. Twilio signs the URL it called (ours, as the public
 * sees it: behind a proxy the servlet's own URL differs, hence the configured base) followed by the
 * POST parameters sorted by name; query parameters are part of the URL and not repeated.
 */
class TwilioSignatureCheck implements HandlerInterceptor {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureCheck.class);

    private final RequestValidator validator;
    private final String publicBaseUrl;

    TwilioSignatureCheck(TwilioSettings settings) {
        this.validator = new RequestValidator(settings.authToken());
        this.publicBaseUrl = settings.publicBaseUrl();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String signature = request.getHeader(SIGNATURE_HEADER);
        String url = publicBaseUrl + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (signature != null && validator.validate(url, bodyParameters(request), signature)) {
            return true;
        }
        log.warn("refused a Twilio webhook without a valid signature: {} {} from {}", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        response.sendError(HttpStatus.FORBIDDEN.value());
        return false;
    }

    /** The servlet merges query and body parameters; Twilio signs only the body's. */
    private static Map<String, String> bodyParameters(HttpServletRequest request) {
        Map<String, List<String>> inQuery = queryParameters(request.getQueryString());
        Map<String, String> body = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(Arrays.asList(values));
            inQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                body.put(name, remaining.get(0));
            }
        });
        return body;
    }

    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
