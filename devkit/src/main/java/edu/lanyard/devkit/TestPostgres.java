package edu.lanyard.devkit;

/** The Postgres server that {@link TestInfrastructure} creates test databases on. */
interface TestPostgres extends AutoCloseable {
    LocalPostgres server();

    @Override
    void close();

    /** A server that was running before the tests and keeps running after them. */
    record Existing(LocalPostgres server) implements TestPostgres {
        @Override
        public void close() {
            // not ours to stop
        }
    }
}
