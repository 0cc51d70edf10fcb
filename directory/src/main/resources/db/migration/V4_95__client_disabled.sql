-- An operator may switch a client off (the console, POST /admin/clients/{id}/disable, or disabled: true at import):
-- it can no longer authenticate, start a sign-in or introspect; the tokens it holds live until revoked.
alter table clients add column disabled boolean not null default false;
