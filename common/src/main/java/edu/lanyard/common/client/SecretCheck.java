package edu.lanyard.common.client;

/** Compares a presented client secret with the stored hash, in constant time. */
@FunctionalInterface
public interface SecretCheck {
    boolean matches(String storedHash, String presentedSecret);
}
