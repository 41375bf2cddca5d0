package io.hypermesh.gateway.auth;

/** A sign-in step failed for a reason the caller can act on. */
public class SignInRefusedException extends RuntimeException {

    private final SignInFailure failure;

    SignInRefusedException(SignInFailure failure) {
        super(failure.detail());
        this.failure = failure;
    }

    public SignInFailure failure() {
        return failure;
    }
}
