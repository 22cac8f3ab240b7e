package org.hotline8890.web;

import org.hotline8890.abuse.TooManyRequestsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/** A person over a rate limit gets the friendly error page, not the API's JSON. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        ModelAndView page = new ModelAndView("error", HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
        return page;
    }
}
