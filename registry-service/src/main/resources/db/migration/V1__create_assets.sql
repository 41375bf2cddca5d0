create table assets (
    id                  uuid        not null,
    owner               text        not null,
    name                text        not null,
    description         text,
    runtime             text        not null,
    code                text        not null,
    code_digest         text        not null,
    code_size_bytes     integer     not null,
    entrypoint          text        not null,
    parameters_schema   jsonb,
    cpu_cores           integer     not null,
    memory_mb           integer     not null,
    storage_mb          integer     not null,
    gpu_model           text,
    gpu_memory_mb       integer,
    network             boolean     not null,
    max_runtime_seconds integer     not null,
    privacy             text        not null,
    allowed_zones       text[]      not null,
    tags                text[]      not null,
    version             integer     not null,
    status              text        not null,
    revision            bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint assets_pk primary key (id),
    constraint assets_runtime_known check (runtime in ('python', 'javascript', 'julia', 'wasm')),
    constraint assets_privacy_known check (privacy in ('PRIVATE', 'PRIVATE_NETWORK', 'P2P', 'PUBLIC_NETWORK', 'FULL_PUBLIC')),
    constraint assets_status_known check (status in ('DRAFT', 'DEPLOYED', 'RETIRED')),
    constraint assets_code_digest_sha256 check (code_digest ~ '^[0-9a-f]{64}$'),
    constraint assets_code_size_nonnegative check (code_size_bytes >= 0),
    constraint assets_resources_positive check (cpu_cores > 0 and memory_mb > 0 and storage_mb >= 0 and max_runtime_seconds > 0),
    constraint assets_gpu_complete check ((gpu_model is null) = (gpu_memory_mb is null)),
    constraint assets_parameters_object check (parameters_schema is null or jsonb_typeof(parameters_schema) = 'object'),
    constraint assets_version_positive check (version >= 1),
    constraint assets_revision_positive check (revision >= 1)
);

-- Each list filter pairs with id, the keyset-pagination order, so a filtered page is one index range scan.
create index assets_owner_id_idx on assets (owner, id);
create index assets_runtime_id_idx on assets (runtime, id);
create index assets_status_id_idx on assets (status, id);
create index assets_tags_idx on assets using gin (tags);
