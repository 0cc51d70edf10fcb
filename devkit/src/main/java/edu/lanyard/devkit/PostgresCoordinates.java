package edu.lanyard.devkit;

/** Where a Postgres database is reachable. */
public record PostgresCoordinates(String host, int port, String database, String user, String password) {
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
