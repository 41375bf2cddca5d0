-- A deployment in flight: written before the registry asks the ledger to append the DEPLOYMENT block and
-- removed in the transaction that records the block on the version (or when the ledger refuses the proof).
-- A retry, a concurrent request or the re-drive resends exactly this payload and proof under this ledger
-- idempotency key, so the ledger answers with the block of the first attempt and never appends a second.
create table deployment_requests (
    asset_id        uuid        not null,
    version         integer     not null,
    idempotency_key text        not null,
    ledger_key      text        not null,
    payload         text        not null,
    proof           text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    constraint deployment_requests_pk primary key (asset_id, version),
    constraint deployment_requests_version_fk foreign key (asset_id, version) references asset_versions (asset_id, version),
    constraint deployment_requests_ledger_key_unique unique (ledger_key)
);
create index deployment_requests_requested_at_idx on deployment_requests (requested_at);

-- The client's Idempotency-Key of the request that deployed the version: its retry answers 200 with the
-- same deployment; another key answers 409 version-already-deployed.
alter table asset_versions add column deployment_idempotency_key text;
