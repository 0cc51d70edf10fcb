package edu.lanyard.devkit.memory;

import java.time.Clock;

/** Every in-memory store on one clock: the state of one cluster, for a unit test. */
public record MemoryStores(
        MemoryAccessTokens accessTokens,
        MemoryRefreshTokens refreshTokens,
        MemoryAuthorizationCodes codes,
        MemoryGrantRevocations revocations,
        MemorySessions sessions,
        MemoryLoginAttempts loginAttempts,
        MemoryAuthFailureWindows authFailures,
        MemorySharedMaps maps,
        MemoryCasTickets casTickets) {

    public static MemoryStores on(Clock clock) {
        return new MemoryStores(new MemoryAccessTokens(clock), new MemoryRefreshTokens(clock),
                new MemoryAuthorizationCodes(clock), new MemoryGrantRevocations(clock), new MemorySessions(clock),
                new MemoryLoginAttempts(clock), new MemoryAuthFailureWindows(clock), new MemorySharedMaps(clock),
                new MemoryCasTickets(clock));
    }
}
