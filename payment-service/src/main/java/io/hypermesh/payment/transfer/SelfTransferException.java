package io.hypermesh.payment.transfer;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class SelfTransferException extends ProblemException {

    SelfTransferException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "self-transfer", "Transfer to yourself",
                "A transfer must go to another identity; paying yourself would move nothing.");
    }
}
