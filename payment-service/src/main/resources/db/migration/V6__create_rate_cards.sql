-- Versioned prices in micro-CAES per unit. A new version is recorded whenever the configured card
-- changes; quotes name the version they were priced with, so an old quote keeps its price.
create table rate_cards (
    version                 integer     not null,
    cpu_core_second         bigint      not null,
    memory_gb_second        bigint      not null,
    storage_gb              bigint      not null,
    gpu_second              bigint      not null,
    network_gb              bigint      not null,
    private_percent         integer     not null,
    private_network_percent integer     not null,
    p2p_percent             integer     not null,
    public_network_percent  integer     not null,
    full_public_percent     integer     not null,
    created_at              timestamptz not null,
    constraint rate_cards_pk primary key (version),
    constraint rate_cards_version_positive check (version > 0),
    constraint rate_cards_rates_non_negative check (cpu_core_second >= 0 and memory_gb_second >= 0 and storage_gb >= 0
        and gpu_second >= 0 and network_gb >= 0),
    constraint rate_cards_private_doubles check (private_percent = 200),
    constraint rate_cards_percents_positive check (private_network_percent > 0 and p2p_percent > 0
        and public_network_percent > 0 and full_public_percent > 0)
);
