package edu.lanyard.directory.importing;

/** How many clients and users an import wrote (inserted or updated). */
public record ImportResult(int clients, int users) {
}
