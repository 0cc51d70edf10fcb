package edu.lanyard.core.event;

/**
 * An operator created a client, replaced its settings, gave it a new secret, disabled or enabled it. Carries neither the secret nor its
 * hash: the audit log says what changed and who changed it.
 *
 * @param change {@code created}, {@code updated}, {@code secret_rotated}, {@code disabled} or {@code enabled}
 * @param actor  the operator who asked (console user or operator credential, never a secret)
 */
public record ClientChanged(EventMeta meta, String clientId, String change, String actor) implements LifecycleEvent {
    @Override
    public String key() {
        return clientId;
    }
}
