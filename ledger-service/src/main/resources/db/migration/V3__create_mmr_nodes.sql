-- The Merkle Mountain Range over block hashes (docs/protocol.md §6): node (level, position) covers leaves
-- position·2^level to (position+1)·2^level − 1; level 0 is block `position`'s leaf. Appends add the leaf and
-- the parents it completes in the same transaction as the block, under the append lock; a node never changes,
-- so an inclusion proof for any height is a handful of primary-key lookups.
create table mmr_nodes (
    level    smallint not null,
    position bigint   not null,
    hash     text     not null,
    constraint mmr_nodes_pk primary key (level, position),
    constraint mmr_nodes_level_range check (level between 0 and 62),
    constraint mmr_nodes_position_non_negative check (position >= 0),
    constraint mmr_nodes_hash_format check (hash ~ '^[0-9a-f]{64}$')
);

-- Leaves of blocks that existed before this migration are added by the service at start-up (Java computes
-- the hashes), under the same append lock.

create trigger mmr_nodes_append_only
    before update or delete on mmr_nodes
    for each row execute function refuse_block_change();

create trigger mmr_nodes_no_truncate
    before truncate on mmr_nodes
    for each statement execute function refuse_block_change();
