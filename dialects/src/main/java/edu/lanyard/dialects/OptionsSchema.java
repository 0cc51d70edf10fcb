package edu.lanyard.dialects;

import edu.lanyard.core.domain.Client;

import java.util.List;
import java.util.Map;

/**
 * The options one product understands and how a layer of them is read into its typed record {@code T}. The layers
 * (docs/products.md decision 5): the product's defaults, then the mount's {@code dialects.<mount>.options}, then a
 * client's own {@code options}. A mount may set every option; a client only the per-client ones.
 *
 * @param mountOptions  every option name a mount may set (the per-client ones included)
 * @param clientOptions the option names a client may set for itself
 * @param defaults      the product's defaults
 * @param layer         reads one layer's values over a base record
 */
public record OptionsSchema<T>(List<String> mountOptions, List<String> clientOptions, T defaults, Layer<T> layer) {

    /** Reads the values of one layer, taking from {@code base} whatever the layer leaves out. */
    @FunctionalInterface
    public interface Layer<T> {
        T read(OptionsReader values, T base);
    }

    public OptionsSchema {
        mountOptions = List.copyOf(mountOptions);
        clientOptions = List.copyOf(clientOptions);
    }

    /**
     * A mount's options over the defaults, checked at node start.
     *
     * @throws InvalidDialectOptionsException naming every unknown option and wrong value
     */
    public T forMount(String where, Map<String, ?> values) {
        OptionsReader reader = new OptionsReader(where, values, mountOptions);
        T options = layer.read(reader, defaults);
        if (!reader.problems().isEmpty()) {
            throw new InvalidDialectOptionsException(reader.problems());
        }
        return options;
    }

    /** What is wrong with a client's options, as the import reports it (empty when nothing is). */
    public List<String> clientProblems(String where, Map<String, ?> values) {
        OptionsReader reader = new OptionsReader(where, values, clientOptions);
        layer.read(reader, defaults);
        return reader.problems();
    }

    /**
     * A client's own options over its mount's, at request time. The import refuses bad client options, so a problem
     * here can only come from a client stored before the check existed: its bad values are ignored, as they always
     * were, rather than failing the request.
     */
    public T forClient(T mount, Client client) {
        if (client == null || client.options().isEmpty()) {
            return mount;
        }
        return layer.read(new OptionsReader("client " + client.clientId(), client.options(), clientOptions), mount);
    }
}
