package org.hotline8890.abuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat decodes a query or form field that is not valid UTF-8 leniently, putting U+FFFD where the
 * bytes made no sense; stored, that is text nobody wrote. Such a request is refused (400) before any
 * controller sees it, saying why. Multipart bodies are left to their own parser, JSON to Jackson,
 * which already refuses broken UTF-8, and the carriers' webhooks ({@code /channels/**}) to their
 * channels, which answer an undecodable text message politely in the channel's own way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UndecodableText extends OncePerRequestFilter {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getRequestURI().startsWith("/channels/") || type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean broken = request.getParameterMap().entrySet().stream().anyMatch(e -> e.getKey().indexOf(REPLACEMENT) >= 0
                || Arrays.stream(e.getValue()).anyMatch(v -> v != null && v.indexOf(REPLACEMENT) >= 0));
        if (!broken) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/open311/")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"code\":\"request.encoding\",\"message\":\"a parameter is not valid UTF-8 text\","
                    + "\"fields\":[]}");
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write("提交的内容包含无法识别的字符（不是 UTF-8 编码），请检查后重试。\n"
                    + "What was sent contains characters that are not valid UTF-8; please check it and try again.\n");
        }
    }
}
