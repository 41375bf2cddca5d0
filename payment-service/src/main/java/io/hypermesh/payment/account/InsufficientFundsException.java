package io.hypermesh.payment.account;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

public class InsufficientFundsException extends ProblemException {

    InsufficientFundsException(AccountKind kind, Money balance, Money needed) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, kind == AccountKind.STAKE ? "insufficient-stake" : "insufficient-funds",
                kind == AccountKind.STAKE ? "Insufficient stake" : "Insufficient funds",
                "The " + kind.sql() + " account holds " + balance.micro() + " micro-CAES; the operation needs "
                        + needed.micro() + ".");
        getBody().setProperty("available", balance.micro());
        getBody().setProperty("required", needed.micro());
    }
}
