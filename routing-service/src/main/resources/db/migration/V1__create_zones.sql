create table zones (
    name        text             not null,
    description text,
    min_x       double precision not null,
    min_y       double precision not null,
    min_z       double precision not null,
    max_x       double precision not null,
    max_y       double precision not null,
    max_z       double precision not null,
    created_by  text             not null,
    created_at  timestamptz      not null,
    constraint zones_pk primary key (name),
    constraint zones_bounds_ordered check (min_x <= max_x and min_y <= max_y and min_z <= max_z)
);
