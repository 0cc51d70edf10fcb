-- Services registered for the CAS protocol (the import's services:). The whole entry is one JSON document: the
-- nodes hold every service in memory and match a requested URL against them in import order (position).
create table cas_services
(
    id         text primary key,
    position   integer     not null,
    definition jsonb       not null check (jsonb_typeof(definition) = 'object'),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create trigger cas_services_notify_directory
    after insert or update or delete on cas_services
    for each row execute function lanyard_notify_directory('cas_service', 'id');
