package io.hypermesh.service.web;

import io.hypermesh.service.json.RefusedValueException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a body Jackson could not bind into one {@code {field, message}} error naming the field as the client
 * wrote it ({@code hosts[0].bonus}) and what was expected there. The parser's own message is never passed on: it
 * can quote internals.
 */
public final class BodyProblems {

    private BodyProblems() {
    }

    /** The field error for a body that was JSON but not of the expected shape; empty when it was not JSON at all. */
    public static Optional<Map<String, String>> fieldError(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return describe(jackson);
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> describe(JacksonException ex) {
        String field = path(ex.getPath());
        if (ex instanceof UnrecognizedPropertyException) {
            return error(field, "unknown field: this request does not accept it");
        }
        if (ex instanceof RefusedValueException refused) {
            String where = field + refused.where();
            return error(where.startsWith(".") ? where.substring(1) : where, refused.reason());
        }
        if (ex instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            String name = read.getOriginalMessage().replaceFirst("^Duplicate Object property \"(.*)\"$", "$1");
            return error(field.isEmpty() ? name : field + "." + name,
                    "appears more than once in the same object; each name may appear only once");
        }
        if (ex instanceof InputCoercionException coercion) {
            return error(field.isEmpty() ? currentName(coercion) : field,
                    "must be " + expected(coercion.getTargetType()) + " within its range");
        }
        if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return error(field, "must be one of " + List.of(invalid.getTargetType().getEnumConstants()));
        }
        if (ex instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return error(field, "must be " + expected(mismatch.getTargetType()));
        }
        return Optional.empty();
    }

    /** What a value of the target type looks like in JSON, in the words a client reads. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "an integer (a JSON number without a fraction or exponent, not a string)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a finite JSON number (not a string)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == CharSequence.class) {
            return "a JSON string";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == Instant.class || TemporalAccessor.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String currentName(StreamReadException ex) {
        try {
            String name = ex.processor() == null ? null : ex.processor().currentName();
            return name == null ? "" : name;
        } catch (RuntimeException unavailable) {
            return "";
        }
    }

    private static Optional<Map<String, String>> error(String field, String message) {
        return Optional.of(Map.of("field", field.isEmpty() ? "body" : field, "message", message));
    }

    /** The JSON path of a field as the client wrote it: {@code hosts[0].bonus}. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
