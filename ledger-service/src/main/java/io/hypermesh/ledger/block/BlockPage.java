package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A page of blocks in height order; pass nextAfterHeight as afterHeight for the next page (null: no more)")
record BlockPage(List<BlockResponse> blocks, Long nextAfterHeight) {
}
