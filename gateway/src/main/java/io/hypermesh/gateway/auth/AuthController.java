package io.hypermesh.gateway.auth;

import io.hypermesh.protocol.Ed25519;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in", description = "Sign in with an Ed25519 key: get a challenge, sign its message, trade the signature for a token")
class AuthController {

    private final SignInService signIn;

    AuthController(SignInService signIn) {
        this.signIn = signIn;
    }

    @PostMapping(path = "/challenges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a one-time sign-in challenge for the identity of a public key")
    @ApiResponse(responseCode = "201", description = "Challenge issued; sign its message before it expires")
    @ApiResponse(responseCode = "400", description = "Missing or malformed public key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ChallengeResponse> createChallenge(@Valid @RequestBody CreateChallengeRequest request) {
        StoredChallenge challenge = signIn.createChallenge(Ed25519.PublicKeyBytes.fromBase64Url(request.publicKey()));
        return ResponseEntity.created(URI.create("/api/v1/auth/challenges/" + challenge.id()))
                .cacheControl(CacheControl.noStore())
                .body(ChallengeResponse.of(challenge));
    }

    @GetMapping("/challenges/{challengeId}")
    @Operation(summary = "Read a challenge again (for example to re-display its message)")
    @ApiResponse(responseCode = "200", description = "The challenge")
    @ApiResponse(responseCode = "404", description = "No such challenge",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ChallengeResponse> challenge(@PathVariable String challengeId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ChallengeResponse.of(signIn.findChallenge(challengeId)));
    }

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Trade a signed challenge for an access token")
    @ApiResponse(responseCode = "200", description = "Token issued; send it as 'Authorization: Bearer <accessToken>'")
    @ApiResponse(responseCode = "400", description = "Missing or malformed field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Unknown, expired or used challenge, bad signature, or key of another identity",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The operator role was asked for by an identity that is not an operator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TokenResponse> createToken(@Valid @RequestBody CreateTokenRequest request) {
        // Tokens are credentials: no cache anywhere may keep them (RFC 6749 section 5.1).
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(signIn.answer(request));
    }
}
