package edu.lanyard.devruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports that are free right now (another process could still take one before the broker binds it). */
final class LoopbackPorts {
    private LoopbackPorts() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static int freeOtherThan(int taken) {
        int port = free();
        while (port == taken) {
            port = free();
        }
        return port;
    }
}
