-- Executions (the saga's aggregate), their assignments to hosts, the saga's work queue, each execution's
-- timeline, and the code of the asset versions they run (immutable once deployed, so kept once per version).

create table asset_code (
    asset_id      text    not null,
    asset_version integer not null,
    code          text    not null,
    code_digest   text    not null,
    constraint asset_code_pk primary key (asset_id, asset_version)
);

create table executions (
    id                  text             not null,
    client              text             not null,
    idempotency_key     text             not null,
    request_digest      text             not null,
    asset_id            text             not null,
    asset_version       integer          not null,
    input               text             not null,
    parameters          text             not null,
    privacy             text,
    redundancy          integer          not null,
    strategy            text             not null,
    allowed_zones       text             not null,
    client_x            double precision,
    client_y            double precision,
    client_z            double precision,
    max_price           bigint           not null,
    deadline            timestamptz      not null,
    operation           text             not null,
    proof               text             not null,
    state               text             not null,
    step                text             not null,
    failure_status      integer,
    failure_type        text,
    failure_detail      text,
    asset               text,
    quote_id            uuid,
    quoted              bigint,
    escrow_id           uuid,
    held                bigint,
    execution_height    bigint,
    execution_hash      text,
    accepted_digest     text,
    accepted_exit_code  integer,
    settlement          text,
    completion_request  text,
    completion_height   bigint,
    completion_hash     text,
    created_at          timestamptz      not null,
    updated_at          timestamptz      not null,
    finished_at         timestamptz,
    version             bigint           not null,
    constraint executions_pk primary key (id),
    constraint executions_client_key_unique unique (client, idempotency_key),
    constraint executions_redundancy_range check (redundancy between 1 and 7),
    constraint executions_state_known check (state in
        ('SUBMITTED', 'SCHEDULED', 'RUNNING', 'SETTLING', 'COMPLETED', 'FAILED', 'CANCELLED', 'REJECTED'))
);
-- A client's own executions, newest first, optionally by state or asset.
create index executions_client_created_idx on executions (client, created_at desc, id desc);

create table assignments (
    id               uuid        not null,
    execution_id     text        not null references executions (id),
    host_id          text        not null,
    attempt          integer     not null,
    state            text        not null,
    offered_at       timestamptz not null,
    expires_at       timestamptz not null,
    leased_at        timestamptz,
    reported_at      timestamptz,
    exit_code        integer,
    output           text,
    output_digest    text,
    cpu_ms           bigint,
    peak_memory_kb   bigint,
    wall_ms          bigint,
    signature        text,
    error            text,
    verdict          text,
    version          bigint      not null,
    constraint assignments_pk primary key (id),
    constraint assignments_host_once unique (execution_id, host_id),
    constraint assignments_state_known check (state in ('OFFERED', 'LEASED', 'REPORTED', 'FAILED', 'EXPIRED', 'REVOKED'))
);
-- What a host is offered (the long-poll) and what is open per execution.
create index assignments_host_open_idx on assignments (host_id) where state in ('OFFERED', 'LEASED');
create index assignments_execution_idx on assignments (execution_id);

-- The saga's queue: one row per unfinished execution, due when its next step should run. Claimed with a lease
-- (explicit SQL: one 'for update skip locked' statement), so that replicas never drive one execution at once.
create table saga_queue (
    execution_id text        not null references executions (id),
    due_at       timestamptz not null,
    lease_until  timestamptz,
    attempts     integer     not null default 0,
    -- Set by a wake-up while a driver holds the lease: its hand-back then keeps the execution due.
    woken        boolean     not null default false,
    waiting_for  text,
    last_error   text,
    constraint saga_queue_pk primary key (execution_id)
);
create index saga_queue_due_idx on saga_queue (due_at);

create table execution_events (
    id           bigint generated always as identity,
    execution_id text        not null references executions (id),
    at           timestamptz not null,
    state        text        not null,
    step         text        not null,
    detail       text        not null,
    constraint execution_events_pk primary key (id)
);
create index execution_events_execution_idx on execution_events (execution_id, id);

-- Reputation per host: decayed counts of good and bad events (see reputation/Reputation.java).
create table host_reputation (
    host_id    text             not null,
    good       double precision not null,
    bad        double precision not null,
    updated_at timestamptz      not null,
    version    bigint           not null,
    constraint host_reputation_pk primary key (host_id)
);
