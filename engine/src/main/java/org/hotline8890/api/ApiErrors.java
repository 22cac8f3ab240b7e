package org.hotline8890.api;

import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.hotline8890.calendar.CalendarFormatException;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.intake.InvalidContactException;
import org.hotline8890.knowledge.ArticleNotFoundException;
import org.hotline8890.knowledge.ArticleStateException;
import org.hotline8890.knowledge.InvalidArticleException;
import org.hotline8890.workflow.DispatchLevelRefused;
import org.hotline8890.workflow.LeadOnlyRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the JSON API answers with the same shape: a code, a message for people, and the
 * fields at fault. Open311 answers in its standard's own error format instead.
 */
@RestControllerAdvice(basePackages = {"org.hotline8890.api", "org.hotline8890.callcenter"})
class ApiErrors {

    record FieldProblem(String field, String reason) {
    }

    record Problem(String code, String message, List<FieldProblem> fields) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), reason(f))).toList();
        List<FieldProblem> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldProblem(g.getObjectName(), g.getDefaultMessage())).toList();
        List<FieldProblem> all = new java.util.ArrayList<>(fields);
        all.addAll(global);
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "the request has invalid fields", all));
    }

    /** Constraints on request parameters (page sizes, dates) rather than on a body. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "the request has invalid fields", fields));
    }

    /** A parameter refused by method validation ({@code @Validated} on the controller, e.g. {@code size=-1}). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> invalidParameter(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "the request has invalid fields", fields));
    }

    /** "results.size" names the method and the parameter; the caller knows only the parameter. */
    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> a + "." + b).orElse("body")
                : "body";
        return status(HttpStatus.BAD_REQUEST, new Problem("request.unreadable",
                "the request body is not valid JSON of the expected shape",
                List.of(new FieldProblem(field, "malformed or of the wrong type"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "a parameter has the wrong type",
                List.of(new FieldProblem(e.getName(), "malformed value"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missing(MissingServletRequestParameterException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "a parameter is missing",
                List.of(new FieldProblem(e.getParameterName(), "required"))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Problem> missingPart(MissingServletRequestPartException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "a part is missing",
                List.of(new FieldProblem(e.getRequestPartName(), "required"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new Problem("request.mediaType",
                "send application/json", List.of()));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Problem> invalidField(InvalidFieldException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "the request has invalid fields",
                List.of(new FieldProblem(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Problem> notFound(CaseNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, new Problem("case.notFound",
                "no case matches that number and code", List.of()));
    }

    /** A department the dispatch level rule forbids: a conflict about the value in {@code departmentCode}. */
    @ExceptionHandler(DispatchLevelRefused.class)
    ResponseEntity<Problem> levelRefused(DispatchLevelRefused e) {
        return status(HttpStatus.CONFLICT, new Problem(e.getCode(), e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage()))));
    }

    /** An assisting unit reads the case but may not take the lead's steps. */
    @ExceptionHandler(LeadOnlyRefused.class)
    ResponseEntity<Problem> leadOnly(LeadOnlyRefused e) {
        return status(HttpStatus.FORBIDDEN, new Problem(e.getCode(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(CaseStateException.class)
    ResponseEntity<Problem> conflict(CaseStateException e) {
        return status(HttpStatus.CONFLICT, new Problem(e.getCode(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(InvalidArticleException.class)
    ResponseEntity<Problem> invalidArticle(InvalidArticleException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", "the request has invalid fields",
                List.of(new FieldProblem(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ResponseEntity<Problem> articleNotFound(ArticleNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, new Problem("article.notFound", e.getMessage(), List.of()));
    }

    @ExceptionHandler(ArticleStateException.class)
    ResponseEntity<Problem> articleConflict(ArticleStateException e) {
        return status(HttpStatus.CONFLICT, new Problem(e.getCode(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Problem> concurrent(ObjectOptimisticLockingFailureException e) {
        return status(HttpStatus.CONFLICT, new Problem("case.changedMeanwhile",
                "someone else changed this case at the same time; reload and try again", List.of()));
    }

    @ExceptionHandler({InvalidContactException.class, CalendarFormatException.class, IllegalArgumentException.class})
    ResponseEntity<Problem> badInput(RuntimeException e) {
        return status(HttpStatus.BAD_REQUEST, new Problem("request.invalid", e.getMessage(), List.of()));
    }

    private static String reason(FieldError f) {
        return f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage();
    }

    private static ResponseEntity<Problem> status(HttpStatus status, Problem problem) {
        return ResponseEntity.status(status).body(problem);
    }
}
