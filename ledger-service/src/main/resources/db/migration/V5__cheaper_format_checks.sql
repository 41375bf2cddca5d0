-- The same format rules as V1 and V3, checked without bounded repetition. PostgreSQL's regex engine expands
-- '^[0-9a-f]{64}$' into an automaton with a state per repetition, and the seven such checks on every block and
-- its range nodes cost about 55 µs per block inside the group commit — half of the writer's database time
-- (docs/benchmarks.md, 2026-12-06). "64 characters, none outside [0-9a-f]" is the same rule at a fraction of
-- the cost. Constraint names stay as they were.
--
-- NOT VALID, then VALIDATE: existing rows are checked under a lock that lets reads go on.

create function is_sha256_hex(value text) returns boolean
    language sql immutable parallel safe
    return length(value) = 64 and value !~ '[^0-9a-f]';

alter table blocks drop constraint blocks_digest_format;
alter table blocks add constraint blocks_digest_format check (
    is_sha256_hex(hash) and is_sha256_hex(previous_hash) and is_sha256_hex(payload_digest)
    and is_sha256_hex(proof_digest) and (binding_digest is null or is_sha256_hex(binding_digest))) not valid;
alter table blocks validate constraint blocks_digest_format;

alter table blocks drop constraint blocks_type_format;
alter table blocks add constraint blocks_type_format check (
    length(type) between 2 and 32 and type ~ '^[A-Z][A-Z0-9_]*$') not valid;
alter table blocks validate constraint blocks_type_format;

alter table mmr_nodes drop constraint mmr_nodes_hash_format;
alter table mmr_nodes add constraint mmr_nodes_hash_format check (is_sha256_hex(hash)) not valid;
alter table mmr_nodes validate constraint mmr_nodes_hash_format;

alter table append_requests drop constraint append_requests_digest_format;
alter table append_requests add constraint append_requests_digest_format check (is_sha256_hex(request_digest)) not valid;
alter table append_requests validate constraint append_requests_digest_format;
