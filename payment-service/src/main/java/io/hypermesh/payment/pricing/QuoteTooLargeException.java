package io.hypermesh.payment.pricing;

import io.hypermesh.payment.account.Money;
import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class QuoteTooLargeException extends ProblemException {

    QuoteTooLargeException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "quote-too-large", "Quote too large",
                "The price would exceed " + Money.MAX_MICRO + " micro-CAES, the most one payment may move.");
    }
}
