package io.hypermesh.payment.account;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class EntryNotFoundException extends ProblemException {

    EntryNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "entry-not-found", "Journal entry not found",
                "There is no journal entry " + id + " that you may see.");
    }
}
