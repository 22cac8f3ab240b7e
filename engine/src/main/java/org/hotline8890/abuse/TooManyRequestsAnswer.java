package org.hotline8890.abuse;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code 429} with {@code Retry-After}, in the JSON API's one error shape (that of
 * {@code api.ApiErrors}). It applies to every controller, because the limits also guard endpoints
 * outside the {@code api} package (the mailbox form, Open311), which would otherwise answer 500.
 */
@RestControllerAdvice
// Just after the first place, so the pages' own advice can answer a person with a page instead of JSON.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TooManyRequestsAnswer {

    static final String CODE = "request.tooMany";

    record Problem(String code, String message, List<Object> fields) {
    }

    private final MessageSource messages;

    TooManyRequestsAnswer(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Problem> tooMany(TooManyRequestsException e) {
        long seconds = e.retryAfterSeconds();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new Problem(CODE, messages.getMessage(CODE, new Object[] {Long.toString(seconds)}, LocaleContextHolder.getLocale()),
                        List.of()));
    }
}
