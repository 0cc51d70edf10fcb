-- Login attributes (docs/claims.md): a user may sign in with their username, campus email or employee / student
-- number. Usernames and emails match case-insensitively; each configured attribute is one indexed lookup.
create index users_login_username on users (lower(username));
create index users_login_email on users (lower(email));
create index users_login_employee_number on users ((attributes ->> 'employeeNumber'));
