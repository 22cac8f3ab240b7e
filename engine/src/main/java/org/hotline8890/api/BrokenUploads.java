package org.hotline8890.api;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that cannot be parsed (cut short, a wrong boundary) fails before any controller is
 * chosen, so the package-scoped {@link ApiErrors} never sees it: this advice, for every controller, turns
 * it into a 400 (or 413 when too large) in the API's shape instead of a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BrokenUploads {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiErrors.Problem> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiErrors.Problem("request.tooLarge",
                "the upload is larger than allowed", List.of(new ApiErrors.FieldProblem("file", "too large"))));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiErrors.Problem> unreadable(MultipartException e) {
        return ResponseEntity.badRequest().body(new ApiErrors.Problem("request.unreadable",
                "the multipart body could not be read", List.of()));
    }
}
