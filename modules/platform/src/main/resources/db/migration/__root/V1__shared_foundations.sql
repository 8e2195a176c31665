-- Runs as the migration (owner) role. The application role owns nothing: it receives plain data
-- privileges on what the owner creates, and row-level security decides which rows it may touch.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc). Shared
-- by all modules; events carry the tenant id but no personal data, so the table needs no tenant policy.
CREATE SCHEMA events;
GRANT USAGE ON SCHEMA events TO ${app_role};

CREATE TABLE events.event_publication
(
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON events.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON events.event_publication (completion_date);
