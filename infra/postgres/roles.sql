-- The two roles Payung uses, and its database. Run once per cluster as a superuser
-- (the embedded development database runs this file itself). Set the passwords afterwards:
--   ALTER ROLE payung_owner PASSWORD '...';  ALTER ROLE payung_app PASSWORD '...';
--
-- payung_owner owns the schemas and runs the Flyway migrations.
-- payung_app is what the application connects as: it owns nothing, cannot bypass row-level
-- security and only receives the grants the migrations give it.
CREATE ROLE payung_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE payung_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
CREATE DATABASE payung OWNER payung_owner;
