package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@Schema(description = "A measured round-trip time from this host to a peer host", example = "{\"peerHostId\": \"hm1...\", \"rttMillis\": 42.5}")
record RttSample(@NotBlank String peerHostId,
                 @NotNull @DecimalMin(value = "0.01") @DecimalMax(value = "60000") Double rttMillis) {
}
