create table hosts (
    id                   text             not null,
    public_key           text             not null,
    cpu_cores            integer          not null,
    memory_mb            integer          not null,
    storage_mb           integer          not null,
    gpu_model            text,
    gpu_memory_mb        integer,
    runtimes             text[]           not null,
    privacy_capabilities text[]           not null,
    zone                 text             not null,
    x                    double precision not null,
    y                    double precision not null,
    z                    double precision not null,
    status               text             not null,
    load_permille        integer          not null,
    running_assignments  integer          not null,
    joined_at            timestamptz      not null,
    last_heartbeat_at    timestamptz      not null,
    left_at              timestamptz,
    updated_at           timestamptz      not null,
    constraint hosts_pk primary key (id),
    constraint hosts_id_identity check (id ~ '^hm1[a-z2-7]{32}$'),
    constraint hosts_public_key_unique unique (public_key),
    constraint hosts_status_known check (status in ('ONLINE', 'OFFLINE', 'LEFT')),
    constraint hosts_runtimes_present check (cardinality(runtimes) > 0),
    constraint hosts_resources_positive check (cpu_cores > 0 and memory_mb > 0 and storage_mb >= 0),
    constraint hosts_gpu_complete check ((gpu_model is null) = (gpu_memory_mb is null)),
    constraint hosts_load_permille_range check (load_permille between 0 and 1000),
    constraint hosts_running_assignments_nonnegative check (running_assignments >= 0),
    constraint hosts_left_at_when_left check ((status = 'LEFT') = (left_at is not null))
);

-- Keyset pages by id, optionally narrowed by status or by an offered runtime.
create index hosts_status_id_idx on hosts (status, id);
create index hosts_runtimes_idx on hosts using gin (runtimes);
-- The offline sweep reads only ONLINE hosts by heartbeat age.
create index hosts_online_heartbeat_idx on hosts (last_heartbeat_at) where status = 'ONLINE';
