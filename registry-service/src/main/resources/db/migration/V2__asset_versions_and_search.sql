-- Immutable versions: every version of an asset is one row of asset_versions (code included); the
-- assets row becomes the asset's identity plus a projection of its latest version without the code,
-- which is what list and search read. Existing rows become version rows as they are.
create table asset_versions (
    asset_id                uuid        not null,
    version                 integer     not null,
    name                    text        not null,
    description             text,
    runtime                 text        not null,
    code                    text        not null,
    code_digest             text        not null,
    code_size_bytes         integer     not null,
    entrypoint              text        not null,
    parameters_schema       jsonb,
    cpu_cores               integer     not null,
    memory_mb               integer     not null,
    storage_mb              integer     not null,
    gpu_model               text,
    gpu_memory_mb           integer,
    network                 boolean     not null,
    max_runtime_seconds     integer     not null,
    privacy                 text        not null,
    allowed_zones           text[]      not null,
    tags                    text[]      not null,
    status                  text        not null,
    revision                bigint      not null,
    -- The ledger block that deployed this version; written by the deployment, never by an edit.
    deployment_block_height bigint,
    deployment_block_hash   text,
    deployed_at             timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    constraint asset_versions_pk primary key (asset_id, version),
    -- Deferred: a new asset's version row is written first and its assets row is derived from it.
    constraint asset_versions_asset_fk foreign key (asset_id) references assets (id) deferrable initially deferred,
    constraint asset_versions_runtime_known check (runtime in ('python', 'javascript', 'julia', 'wasm')),
    constraint asset_versions_privacy_known check (privacy in ('PRIVATE', 'PRIVATE_NETWORK', 'P2P', 'PUBLIC_NETWORK', 'FULL_PUBLIC')),
    constraint asset_versions_status_known check (status in ('DRAFT', 'DEPLOYED', 'RETIRED')),
    constraint asset_versions_code_digest_sha256 check (code_digest ~ '^[0-9a-f]{64}$'),
    constraint asset_versions_code_size_nonnegative check (code_size_bytes >= 0),
    constraint asset_versions_resources_positive check (cpu_cores > 0 and memory_mb > 0 and storage_mb >= 0 and max_runtime_seconds > 0),
    constraint asset_versions_gpu_complete check ((gpu_model is null) = (gpu_memory_mb is null)),
    constraint asset_versions_parameters_object check (parameters_schema is null or jsonb_typeof(parameters_schema) = 'object'),
    constraint asset_versions_version_positive check (version >= 1),
    constraint asset_versions_revision_positive check (revision >= 1),
    constraint asset_versions_deployment_complete check (
        (deployment_block_height is null) = (deployment_block_hash is null)
        and (deployment_block_height is null) = (deployed_at is null)),
    constraint asset_versions_draft_not_deployed check (status <> 'DRAFT' or deployment_block_height is null)
);

insert into asset_versions (asset_id, version, name, description, runtime, code, code_digest, code_size_bytes, entrypoint,
                            parameters_schema, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
                            max_runtime_seconds, privacy, allowed_zones, tags, status, revision, created_at, updated_at)
select id, version, name, description, runtime, code, code_digest, code_size_bytes, entrypoint,
       parameters_schema, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
       max_runtime_seconds, privacy, allowed_zones, tags, status, revision, created_at, updated_at
from assets;

-- The projection keeps only what summaries, filters and visibility need: never the code.
alter table assets drop column code;
alter table assets drop column entrypoint;
alter table assets drop column parameters_schema;
alter table assets drop column revision;
alter table assets rename column version to latest_version;
alter table assets rename constraint assets_version_positive to assets_latest_version_positive;

-- Free text over name, description and tags with PostgreSQL full-text search (decision D11 in docs/decisions.md).
-- A generated column needs an immutable expression; array_to_string is only stable, hence the wrapper.
create function asset_search_document(name text, description text, tags text[]) returns tsvector
    language sql immutable parallel safe
    return setweight(to_tsvector('english'::regconfig, name), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, array_to_string(tags, ' ')), 'A');

alter table assets add column search tsvector
    generated always as (asset_search_document(name, description, tags)) stored;

create index assets_search_idx on assets using gin (search);
-- privacy = PRIVATE_NETWORK narrows to the owners whose networks the caller is in (owner = any(...)).
create index assets_privacy_owner_id_idx on assets (privacy, owner, id);
-- Resource ranges: narrow ranges are read through these (bitmap, then the page sorted by id); wide
-- ranges walk the primary key in id order and stop after one page.
create index assets_cpu_cores_idx on assets (cpu_cores);
create index assets_memory_mb_idx on assets (memory_mb);
create index assets_max_runtime_idx on assets (max_runtime_seconds);
create index assets_gpu_memory_id_idx on assets (gpu_memory_mb, id) where gpu_memory_mb is not null;
create index assets_gpu_id_idx on assets (id) where gpu_model is not null;

-- PRIVATE_NETWORK: an owner's networks and their members (decision D13).
create table networks (
    id         uuid        not null,
    owner      text        not null,
    name       text        not null,
    created_at timestamptz not null,
    constraint networks_pk primary key (id),
    constraint networks_owner_name_unique unique (owner, name)
);

create table network_members (
    network_id uuid        not null,
    member     text        not null,
    added_at   timestamptz not null,
    constraint network_members_pk primary key (network_id, member),
    constraint network_members_network_fk foreign key (network_id) references networks (id) on delete cascade
);
-- "Whose networks am I in?" is asked by every read that applies visibility.
create index network_members_member_idx on network_members (member, network_id);

-- Dependencies of a version on other versions, at exact version numbers.
create table asset_dependencies (
    asset_id           uuid    not null,
    version            integer not null,
    depends_on_id      uuid    not null,
    depends_on_version integer not null,
    position           integer not null,
    constraint asset_dependencies_pk primary key (asset_id, version, depends_on_id, depends_on_version),
    constraint asset_dependencies_from_fk foreign key (asset_id, version) references asset_versions (asset_id, version),
    constraint asset_dependencies_to_fk foreign key (depends_on_id, depends_on_version) references asset_versions (asset_id, version)
);
create index asset_dependencies_to_idx on asset_dependencies (depends_on_id, depends_on_version);

-- Usage reported by execution-service: one row per execution (the idempotency key), and running
-- totals per version so that reads stay one row each however many executions there were.
create table asset_executions (
    execution_id text        not null,
    asset_id     uuid        not null,
    version      integer     not null,
    success      boolean     not null,
    duration_ms  bigint      not null,
    reported_at  timestamptz not null,
    constraint asset_executions_pk primary key (execution_id),
    constraint asset_executions_version_fk foreign key (asset_id, version) references asset_versions (asset_id, version),
    constraint asset_executions_duration_nonnegative check (duration_ms >= 0)
);

create table asset_usage (
    asset_id          uuid    not null,
    version           integer not null,
    executions        bigint  not null,
    successes         bigint  not null,
    total_duration_ms bigint  not null,
    constraint asset_usage_pk primary key (asset_id, version),
    constraint asset_usage_version_fk foreign key (asset_id, version) references asset_versions (asset_id, version),
    constraint asset_usage_counts check (executions >= successes and successes >= 0 and total_duration_ms >= 0)
);
