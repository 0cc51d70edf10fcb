package edu.lanyard.launcher;

import edu.lanyard.core.config.LanyardConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The one line a start that cannot use Kafka ends with: what went wrong and which setting to look at. Kafka wraps
 * the cause (a refused password, a certificate the truststore does not know) a few levels deep; the line shows every
 * level's message once. None of them holds a password: Kafka does not put credentials into its messages.
 */
final class KafkaStartFailure {
    private KafkaStartFailure() {
    }

    static String describe(String bootstrap, LanyardConfig.Kafka kafka, Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String detail = messages(cause);
        if (has(cause, SaslAuthenticationException.class)) {
            return "Kafka at " + bootstrap + " refused the credentials of kafka.security.sasl.username \""
                    + kafka.security().sasl().username() + "\" (" + kafka.security().sasl().mechanism() + "): "
                    + detail;
        }
        if (has(cause, SslAuthenticationException.class)) {
            return "TLS with Kafka at " + bootstrap + " failed (check kafka.security.truststore and"
                    + " kafka.security.keystore): " + detail;
        }
        if (cause instanceof TimeoutException || has(cause, org.apache.kafka.common.errors.TimeoutException.class)) {
            return "cannot reach Kafka at " + bootstrap + " (kafka.bootstrapServers, kafka.security.protocol "
                    + kafka.security().protocol() + "): no answer in time: " + detail;
        }
        return "cannot use Kafka at " + bootstrap + " (kafka.bootstrapServers, kafka.security.*): " + detail;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (messages.stream().noneMatch(known -> known.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }
}
