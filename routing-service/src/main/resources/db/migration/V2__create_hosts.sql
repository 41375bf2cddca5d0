-- The matrix's view of each host: position (Vivaldi estimate), capabilities, load and reputation.
-- Rows are never deleted: a removed host keeps its row with removed = true, so that every replica's
-- in-memory index learns of the removal from the same change feed (updated_at, version).
create table hosts (
    id               text             not null,
    zone             text             not null,
    x                double precision not null,
    y                double precision not null,
    z                double precision not null,
    coordinate_error double precision not null,
    runtimes         text[]           not null,
    cpu_cores        integer          not null,
    memory_mb        bigint           not null,
    storage_mb       bigint           not null,
    gpu_model        text,
    gpu_memory_mb    bigint           not null,
    privacy_levels   integer          not null,
    load_permille    integer          not null,
    reputation       integer          not null,
    version          bigint           not null,
    removed          boolean          not null default false,
    updated_at       timestamptz      not null,
    constraint hosts_pk primary key (id),
    constraint hosts_zone_fk foreign key (zone) references zones (name),
    constraint hosts_coordinate_error_positive check (coordinate_error > 0),
    constraint hosts_resources_non_negative check (cpu_cores >= 0 and memory_mb >= 0 and storage_mb >= 0 and gpu_memory_mb >= 0),
    constraint hosts_privacy_levels_range check (privacy_levels between 0 and 31),
    constraint hosts_load_range check (load_permille between 0 and 1000),
    constraint hosts_reputation_range check (reputation between 0 and 1000)
);

create index hosts_updated_at_idx on hosts (updated_at);
