package io.hypermesh.payment.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A page of an account's postings, oldest first; pass 'next' as 'after' for the following page")
record StatementResponse(String identity, List<StatementLine> items,
        @Schema(description = "Cursor of the next page; null on the last page") String next) {
}
