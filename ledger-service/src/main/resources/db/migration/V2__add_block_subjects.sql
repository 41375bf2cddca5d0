-- What a block is about, for "all blocks of asset a-42": the string values of the payload's top-level
-- subject keys (assetId, executionId, hostId), ordered by key. Derived from the payload at append time and
-- checked against it by GET /verify; it is not part of the block hash.
alter table blocks add column subjects text[] not null default '{}';

-- Backfill the blocks appended before this migration with exactly the rule of BlockSubjects.of. Blocks are
-- append-only, so the trigger is switched off for this one statement by the schema's owner.
alter table blocks disable trigger blocks_append_only;
update blocks set subjects = array(
    select member.value #>> '{}'
    from jsonb_each(payload::jsonb) as member
    where member.key in ('assetId', 'executionId', 'hostId')
      and jsonb_typeof(member.value) = 'string'
      and length(member.value #>> '{}') between 1 and 200
    order by member.key);
alter table blocks enable trigger blocks_append_only;

alter table blocks add constraint blocks_subjects_bounded check (cardinality(subjects) <= 3);

create index blocks_subjects_idx on blocks using gin (subjects);
-- Block times never decrease with height, so a time range is also a height range; (created_at, height)
-- lets the planner find its first block without scanning from genesis.
create index blocks_created_at_height_idx on blocks (created_at, height);
