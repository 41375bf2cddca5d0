package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class SettlementExceedsHoldException extends ProblemException {

    SettlementExceedsHoldException(Money hold, Money due) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "settlement-exceeds-hold", "Settlement exceeds the hold",
                "The metered usage and platform fee come to " + due.micro() + " micro-CAES; the hold locks only "
                        + hold.micro() + ". Nothing was paid; settle with the correct usage or release the hold.");
        getBody().setProperty("available", hold.micro());
        getBody().setProperty("required", due.micro());
    }
}
