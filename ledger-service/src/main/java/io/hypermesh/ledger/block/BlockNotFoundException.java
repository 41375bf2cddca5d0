package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class BlockNotFoundException extends ProblemException {

    BlockNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, "block-not-found", "Block not found", "There is no block " + what + ".");
    }
}
