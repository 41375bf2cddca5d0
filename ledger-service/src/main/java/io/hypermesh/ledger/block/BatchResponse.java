package io.hypermesh.ledger.block;

import java.util.List;

record BatchResponse(List<BlockResponse> blocks) {
}
