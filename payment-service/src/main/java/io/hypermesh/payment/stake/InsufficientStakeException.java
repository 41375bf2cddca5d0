package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class InsufficientStakeException extends ProblemException {

    InsufficientStakeException(Money bonded, Money requested) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-stake", "Insufficient stake",
                "The bonded stake is " + bonded.micro() + " micro-CAES (pending unlocks excluded); the request needs "
                        + requested.micro() + ".");
        getBody().setProperty("available", bonded.micro());
        getBody().setProperty("required", requested.micro());
    }
}
