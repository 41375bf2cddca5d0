package io.hypermesh.gateway.auth;

import java.util.List;

/** An access token for the {@code Authorization: Bearer} header. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String identity, List<String> roles) {
}
