package io.hypermesh.payment.escrow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "The participating hosts' metered usage; each is paid usage × the quote's rates × its privacy "
        + "multiplier, plus a bonus when fast, the platform takes its fee and the client gets the rest back",
        example = """
        {"hosts": [{"host": "hm1abcdefghijklmnopqrstuvwxyz234567",
                    "usage": {"cpuCoreSeconds": 120, "memoryMbSeconds": 122880, "storageMb": 512, "gpuSeconds": 0, "networkMb": 100},
                    "succeeded": true, "durationSeconds": 25}]}""")
record SettleRequest(@NotNull @Size(min = 1, max = 64) List<@NotNull @Valid HostReport> hosts) {
}
