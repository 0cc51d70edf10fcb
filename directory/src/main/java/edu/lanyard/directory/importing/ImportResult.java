package edu.lanyard.directory.importing;

/**
 * How many clients and users an import wrote, and how many of each were new (the rest were updated).
 */
public record ImportResult(int clients, int users, int clientsCreated, int usersCreated) {

    /** Counts without telling new from updated entries: as if every entry was new. */
    public ImportResult(int clients, int users) {
        this(clients, users, clients, users);
    }

    /** {@code imported 3 clients (1 created, 2 updated) and 120 users (100 created, 20 updated)}. */
    public String summary() {
        return "imported " + count(clients, "client", clientsCreated) + " and " + count(users, "user", usersCreated);
    }

    private static String count(int total, String noun, int created) {
        return total + " " + noun + (total == 1 ? "" : "s") + " (" + created + " created, " + (total - created)
                + " updated)";
    }
}
