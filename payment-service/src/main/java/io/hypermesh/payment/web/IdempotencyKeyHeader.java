package io.hypermesh.payment.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the Idempotency-Key header on an operation. The header is read as optional so that its
 * absence answers with our own Problem Details naming it, but the API requires it.
 */
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
        description = "A fresh unique value (e.g. a UUID) per operation, repeated unchanged on every retry of it. "
                + "Same key and body: the stored reply is returned (Idempotent-Replayed: true). Same key, other body: 422. "
                + "Same key while the first request runs: 409.",
        schema = @Schema(type = "string", maxLength = 255, example = "8e03978e-40d5-43e8-bc93-6894a57f9324"))
public @interface IdempotencyKeyHeader {
}
