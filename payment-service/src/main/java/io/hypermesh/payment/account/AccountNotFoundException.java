package io.hypermesh.payment.account;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Also the answer to a caller who may not see the account, so that existence never leaks. */
class AccountNotFoundException extends ProblemException {

    AccountNotFoundException(String identity) {
        super(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
                "There is no account of '" + identity + "' that you may see.");
    }
}
