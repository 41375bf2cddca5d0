package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Operations appended all together or not at all, in this order, in one transaction")
record AppendBatchRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid AppendBlockRequest> operations) {
}
