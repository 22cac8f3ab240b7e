package org.hotline8890.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Writes the WebJar's version into a page's {@code /webjars/} links, so a browser caches a script until the
 * WebJar is upgraded, and leaves every other link alone.
 *
 * <p>It takes the place of Spring Boot's {@code ResourceUrlEncodingFilter} (on because webjars-locator-lite is
 * present), which runs every link a page writes through the resource chain. A link that is no static file
 * (each case, queue and form link) misses the chain's cache, a miss is not cached, and each miss searches
 * four class-path locations in the packaged jar: 29 % of the agent console's request time in a profile
 * (docs/benchmarks.md, "Deadlines").
 */
final class WebJarLinks extends OncePerRequestFilter {

    private static final String WEBJARS = "/webjars/";

    private final ResourceUrlProvider resources;

    WebJarLinks(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String webjars = request.getContextPath() + WEBJARS;
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(url.startsWith(webjars) ? versioned(request.getContextPath(), url) : url);
            }
        });
    }

    private String versioned(String contextPath, String url) {
        String versioned = resources.getForLookupPath(url.substring(contextPath.length()));
        return versioned == null ? url : contextPath + versioned;
    }
}
