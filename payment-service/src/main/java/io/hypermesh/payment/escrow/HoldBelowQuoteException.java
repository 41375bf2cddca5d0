package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class HoldBelowQuoteException extends ProblemException {

    HoldBelowQuoteException(Money amount, Money quoted) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "hold-below-quote", "Hold below the quoted price",
                "A hold must cover the quoted total of " + quoted.micro() + " micro-CAES; 'amount' is " + amount.micro() + ".");
        getBody().setProperty("field", "amount");
        getBody().setProperty("quoted", quoted.micro());
    }
}
