package io.hypermesh.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

    @Test
    void shouldAnswerUnexpectedErrorsWithGenericProblemThatRevealsNothingOfTheCause() {
        ResponseEntity<ProblemDetail> response = new ApiExceptionHandler()
                .unexpected(new IllegalStateException("password=hunter2 at db.internal:5432"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = response.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getType()).isEqualTo(ProblemTypes.INTERNAL_ERROR);
        assertThat(problem.getDetail()).doesNotContain("hunter2").doesNotContain("db.internal").contains("X-Trace-Id");
        assertThat(problem.getProperties()).isNullOrEmpty();
    }
}
