-- A price promised to one identity until expires_at; every line is kept, so a later rate change never alters it.
create table quotes (
    id                 uuid        not null,
    requested_by       text        not null,
    rate_card_version  integer     not null,
    cpu_cores          integer     not null,
    memory_mb          bigint      not null,
    storage_mb         bigint      not null,
    gpus               integer     not null,
    network_mb         bigint      not null,
    duration_seconds   bigint      not null,
    privacy            text        not null,
    redundancy         integer     not null,
    cpu_amount         bigint      not null,
    memory_amount      bigint      not null,
    storage_amount     bigint      not null,
    gpu_amount         bigint      not null,
    network_amount     bigint      not null,
    per_replica        bigint      not null,
    privacy_percent    integer     not null,
    total              bigint      not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null,
    constraint quotes_pk primary key (id),
    constraint quotes_rate_card_fk foreign key (rate_card_version) references rate_cards (version),
    constraint quotes_amounts_non_negative check (cpu_amount >= 0 and memory_amount >= 0 and storage_amount >= 0
        and gpu_amount >= 0 and network_amount >= 0 and per_replica >= 0 and total >= 0),
    constraint quotes_per_replica_sum check (per_replica = cpu_amount + memory_amount + storage_amount + gpu_amount + network_amount),
    constraint quotes_redundancy_positive check (redundancy > 0),
    constraint quotes_privacy_ck check (privacy in ('PRIVATE', 'PRIVATE_NETWORK', 'P2P', 'PUBLIC_NETWORK', 'FULL_PUBLIC')),
    constraint quotes_expiry_after_creation check (expires_at > created_at)
);

create index quotes_requested_by_idx on quotes (requested_by, created_at);
