package io.hypermesh.payment.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "A balanced journal entry: its postings' amounts (micro-CAES; + debit, - credit) sum to zero")
public record EntryResponse(long id, String kind, String memo, String createdBy, Instant createdAt,
        List<PostedEntry.Posting> postings) {

    public static EntryResponse of(PostedEntry entry) {
        return new EntryResponse(entry.id(), entry.kind().sql(), entry.memo(), entry.createdBy(), entry.createdAt(),
                entry.postings());
    }

    /** Where entries are read back, up to the id. */
    public static final String PATH_BEFORE_ID = "/api/v1/payments/entries/";

    /** Where the entry can be read back: the Location of every movement. */
    public static String path(long id) {
        return PATH_BEFORE_ID + id;
    }
}
