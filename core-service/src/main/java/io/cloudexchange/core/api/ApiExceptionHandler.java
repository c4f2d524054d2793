package io.cloudexchange.core.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/** Turns every API error into the problem+json answers described in docs/api.md. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return problem(Problems.invalidFields(e.errors(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Already exists", e.getMessage());
        problem.setProperty("errors", Map.of(e.field(), e.getMessage()));
        return problem(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> duplicateKey(DuplicateKeyException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "Already exists", "A value that must be unique is already used"));
    }

    @ExceptionHandler
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "Modified concurrently",
                "Someone else changed this resource; reload it and try again"));
    }

    @ExceptionHandler
    ResponseEntity<Object> authenticationFailed(AuthenticationFailedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> tooManyAttempts(TooManyAttemptsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error while handling an API request", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; the platform log has details"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return problem(Problems.invalidFields(errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.value().isEmpty() ? param.value() : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.putIfAbsent(name, error.getDefaultMessage()));
        });
        return problem(Problems.invalidFields(errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "value";
        return problem(Problems.invalidFields(Map.of(name, "'" + e.getValue() + "' is not a valid value"), null));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(Problems.invalidFields(Map.of(e.getParameterName(), "is required"), null));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return problem(Problems.invalidFields(Map.of(e.getRequestPartName(), "is required"), null));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(Problems.invalidFields(Map.of("file", "is larger than the upload limit"), null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return problem(Problems.invalidFields(Map.of(jsonPath(bind.getPath()), "has the wrong type or format"), null));
        }
        String detail = "The request body is not valid JSON";
        if (e.getCause() instanceof JacksonException jackson && jackson.getLocation() != null) {
            TokenStreamLocation at = jackson.getLocation();
            detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON", detail));
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
