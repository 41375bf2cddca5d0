-- The chain. Digests and hashes are 64 lowercase hex characters; payload and proof are the exact
-- RFC 8785 canonical JSON text whose SHA-256 is payload_digest and proof_digest (docs/protocol.md).
create table blocks (
    height         bigint      not null,
    parent_height  bigint,
    previous_hash  text        not null,
    type           text        not null,
    payload        text        not null,
    payload_digest text        not null,
    proof          text,
    proof_digest   text        not null,
    binding_digest text,
    author         text        not null,
    created_at     timestamptz not null,
    hash           text        not null,
    constraint blocks_pk primary key (height),
    constraint blocks_hash_uq unique (hash),
    constraint blocks_height_hash_uq unique (height, hash),
    -- A proof is accepted once: its binding digest (what its signature covers) may appear in one block only.
    constraint blocks_binding_digest_uq unique (binding_digest),
    constraint blocks_height_non_negative check (height >= 0),
    -- GENESIS is height 0, links to the zero hash and has no proof; every other block names its parent.
    constraint blocks_genesis_or_child check (
        (height = 0 and parent_height is null and type = 'GENESIS' and previous_hash = repeat('0', 64)
            and proof is null and binding_digest is null and proof_digest = repeat('0', 64))
        or (height > 0 and parent_height = height - 1 and type <> 'GENESIS'
            and proof is not null and binding_digest is not null)),
    -- The previous hash must be the stored hash of the block one below: a fork or a dangling link cannot be stored.
    constraint blocks_previous_links_parent foreign key (parent_height, previous_hash) references blocks (height, hash),
    constraint blocks_type_format check (type ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    constraint blocks_digest_format check (
        hash ~ '^[0-9a-f]{64}$' and previous_hash ~ '^[0-9a-f]{64}$' and payload_digest ~ '^[0-9a-f]{64}$'
        and proof_digest ~ '^[0-9a-f]{64}$' and (binding_digest is null or binding_digest ~ '^[0-9a-f]{64}$')),
    constraint blocks_author_present check (length(author) between 1 and 200),
    -- The block hash covers epoch milliseconds; finer precision would not survive a round trip.
    constraint blocks_created_at_millis check (created_at = date_trunc('milliseconds', created_at))
);

create index blocks_type_height_idx on blocks (type, height);
create index blocks_author_height_idx on blocks (author, height);

-- Blocks are append-only; an UPDATE or DELETE is refused, so tampering needs the table owner to disable this first.
create function refuse_block_change() returns trigger language plpgsql as $$
begin
    raise exception 'blocks are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger blocks_append_only
    before update or delete on blocks
    for each row execute function refuse_block_change();

create trigger blocks_no_truncate
    before truncate on blocks
    for each statement execute function refuse_block_change();

-- A retried append (same caller, same Idempotency-Key) answers with the blocks the first attempt appended:
-- block_count blocks from height on (more than one for a batch).
create table append_requests (
    caller          text        not null,
    idempotency_key text        not null,
    request_digest  text        not null,
    height          bigint      not null,
    block_count     integer     not null,
    created_at      timestamptz not null,
    constraint append_requests_pk primary key (caller, idempotency_key),
    constraint append_requests_block_fk foreign key (height) references blocks (height),
    constraint append_requests_block_count_positive check (block_count between 1 and 1000),
    constraint append_requests_key_length check (length(idempotency_key) between 1 and 200),
    constraint append_requests_digest_format check (request_digest ~ '^[0-9a-f]{64}$')
);
