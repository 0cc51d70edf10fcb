-- A resource server (an API checking the tokens apps send it) may introspect every client's tokens; any other
-- client only the tokens issued to itself. Introspection needs a secret, so a public client cannot be one.
alter table clients
    add column resource_server boolean not null default false,
    add constraint public_clients_are_no_resource_servers check (secret_hash is not null or not resource_server);
