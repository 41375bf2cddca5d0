-- The transactional outbox of host placement in routing-service's matrix, kept as state: one row per host whose
-- version is bumped in the same transaction as the host change. The dispatcher delivers the host's state as it is
-- at delivery time (PUT while ONLINE, DELETE otherwise), so changes are never lost while routing is down and are
-- applied in order per host (the latest state wins; both calls are idempotent).
create table host_placements (
    host_id           text        not null,
    version           bigint      not null,
    delivered_version bigint      not null default 0,
    delivered_status  text,
    delivered_load    integer,
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    lease_until       timestamptz,
    last_error        text,
    updated_at        timestamptz not null,
    constraint host_placements_pk primary key (host_id),
    constraint host_placements_host_fk foreign key (host_id) references hosts (id),
    constraint host_placements_versions check (version >= delivered_version and delivered_version >= 0)
);

-- The dispatcher's claim reads only rows with something to deliver.
create index host_placements_pending_idx on host_placements (next_attempt_at) where version > delivered_version;
