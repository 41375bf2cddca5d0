-- The stored reply of every completed mutating request, per caller and Idempotency-Key. A row is
-- written in the same transaction as the movement it answers: both exist or neither does.
create table idempotency_keys (
    caller      text        not null,
    key         text        not null,
    operation   text        not null,
    fingerprint text        not null,
    status      integer     not null,
    location    text,
    body        text        not null,
    created_at  timestamptz not null,
    constraint idempotency_keys_pk primary key (caller, key),
    constraint idempotency_keys_key_length_ck check (char_length(key) between 1 and 255),
    constraint idempotency_keys_status_ck check (status between 200 and 299)
);

create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
