package edu.lanyard.core.client;

/** Compares a presented client secret with the stored hash, in constant time. */
@FunctionalInterface
public interface SecretCheck {
    boolean matches(String storedHash, String presentedSecret);
}
