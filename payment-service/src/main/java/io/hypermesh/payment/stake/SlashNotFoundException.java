package io.hypermesh.payment.stake;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class SlashNotFoundException extends ProblemException {

    SlashNotFoundException(String identity, long id) {
        super(HttpStatus.NOT_FOUND, "slash-not-found", "Slash not found",
                "There is no slash " + id + " of the stake of '" + identity + "'.");
    }
}
