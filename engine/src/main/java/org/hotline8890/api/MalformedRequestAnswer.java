package org.hotline8890.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them (a NUL or an encoded slash in the
 * path, a broken multipart body): its own error page would answer an API client in HTML. This valve
 * answers those in the API's shape ({@code code}, {@code message}) and everyone else in a plain
 * sentence in both languages, never with a stack trace or the server's name.
 */
@Component
class MalformedRequestAnswer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Public with a no-argument constructor: Tomcat instantiates it by class name for the {@link Host}. */
    public static class Valve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
            boolean api = uri != null && (uri.startsWith("/api/") || uri.startsWith("/open311/"));
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(api ? "application/json" : "text/plain");
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (api) {
                    out.write("{\"code\":\"request.malformed\",\"message\":\"the request could not be read: "
                            + "check the address, the encoding (UTF-8) and the body\",\"fields\":[]}");
                } else {
                    out.write("请求无法读取，请检查网址和提交的内容。\nThe request could not be read: please check the address "
                            + "and what was sent.\n");
                }
            } catch (IOException | IllegalStateException cannotWrite) {
                // The client has gone or the response is committed: the status alone must do.
            }
        }
    }
}
