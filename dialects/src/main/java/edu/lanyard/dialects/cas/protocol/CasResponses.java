package edu.lanyard.dialects.cas.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shapes of CAS Protocol 3.0's validation answers: 1.0 text, 2.0/3.0 XML and the JSON form. Every value is
 * escaped; attribute names that cannot be XML element names are left out of the XML (they stay in the JSON).
 */
public final class CasResponses {
    public static final String NAMESPACE = "http://www.yale.edu/tp/cas";

    private CasResponses() {
    }

    /** {@code /validate} (CAS 1.0 §2.4.2): {@code yes\n<user>\n} or {@code no\n\n}. */
    public static String text(CasValidation result) {
        if (result instanceof CasValidation.Success success) {
            return "yes\n" + success.user().replace('\n', ' ') + "\n";
        }
        return "no\n\n";
    }

    /** @param attributes whether to write {@code <cas:attributes>} */
    public static String xml(CasValidation result, boolean attributes) {
        StringBuilder xml = new StringBuilder("<cas:serviceResponse xmlns:cas=\"").append(NAMESPACE).append("\">\n");
        if (result instanceof CasValidation.Success success) {
            xml.append("    <cas:authenticationSuccess>\n");
            xml.append("        <cas:user>").append(Xml.escape(success.user())).append("</cas:user>\n");
            if (attributes && !success.attributes().isEmpty()) {
                xml.append("        <cas:attributes>\n");
                new TreeMap<>(success.attributes()).forEach((name, values) -> {
                    if (Xml.isName(name)) {
                        for (String value : values) {
                            xml.append("            <cas:").append(name).append('>').append(Xml.escape(value))
                                    .append("</cas:").append(name).append(">\n");
                        }
                    }
                });
                xml.append("        </cas:attributes>\n");
            }
            if (success.pgtIou() != null) {
                xml.append("        <cas:proxyGrantingTicket>").append(Xml.escape(success.pgtIou()))
                        .append("</cas:proxyGrantingTicket>\n");
            }
            if (!success.proxies().isEmpty()) {
                xml.append("        <cas:proxies>\n");
                success.proxies().forEach(proxy -> xml.append("            <cas:proxy>").append(Xml.escape(proxy))
                        .append("</cas:proxy>\n"));
                xml.append("        </cas:proxies>\n");
            }
            xml.append("    </cas:authenticationSuccess>\n");
        } else {
            CasValidation.Failure failure = (CasValidation.Failure) result;
            xml.append("    <cas:authenticationFailure code=\"").append(failure.code().name()).append("\">")
                    .append(Xml.escape(failure.description())).append("</cas:authenticationFailure>\n");
        }
        return xml.append("</cas:serviceResponse>\n").toString();
    }

    /** The JSON form ({@code format=JSON}): one value for a single-valued attribute, a list otherwise. */
    public static String json(CasValidation result, boolean attributes) {
        JsonObject body = new JsonObject();
        if (result instanceof CasValidation.Success success) {
            body.put("user", success.user());
            if (success.pgtIou() != null) {
                body.put("proxyGrantingTicket", success.pgtIou());
            }
            if (!success.proxies().isEmpty()) {
                body.put("proxies", new JsonArray(List.copyOf(success.proxies())));
            }
            if (attributes) {
                JsonObject released = new JsonObject();
                new TreeMap<>(success.attributes()).forEach((name, values) -> released.put(name,
                        values.size() == 1 ? values.get(0) : new JsonArray(List.copyOf(values))));
                body.put("attributes", released);
            }
            return wrap("authenticationSuccess", body);
        }
        CasValidation.Failure failure = (CasValidation.Failure) result;
        body.put("code", failure.code().name()).put("description", failure.description());
        return wrap("authenticationFailure", body);
    }

    /** {@code /proxy}'s answer (CAS 2.0 §2.7.2): the proxy ticket, or a failure. */
    public static String proxyXml(String proxyTicket, CasValidation.Failure failure) {
        StringBuilder xml = new StringBuilder("<cas:serviceResponse xmlns:cas=\"").append(NAMESPACE).append("\">\n");
        if (proxyTicket != null) {
            xml.append("    <cas:proxySuccess>\n        <cas:proxyTicket>").append(Xml.escape(proxyTicket))
                    .append("</cas:proxyTicket>\n    </cas:proxySuccess>\n");
        } else {
            xml.append("    <cas:proxyFailure code=\"").append(failure.code().name()).append("\">")
                    .append(Xml.escape(failure.description())).append("</cas:proxyFailure>\n");
        }
        return xml.append("</cas:serviceResponse>\n").toString();
    }

    public static String proxyJson(String proxyTicket, CasValidation.Failure failure) {
        if (proxyTicket != null) {
            return wrap("proxySuccess", new JsonObject().put("proxyTicket", proxyTicket));
        }
        return wrap("proxyFailure", new JsonObject().put("code", failure.code().name())
                .put("description", failure.description()));
    }

    private static String wrap(String kind, JsonObject body) {
        return new JsonObject().put("serviceResponse", new JsonObject().put(kind, body)).encodePrettily();
    }

    /** The attribute values as CAS releases them: each value as text, lists flattened. */
    public static Map<String, List<String>> textValues(Map<String, Object> attributes) {
        Map<String, List<String>> values = new TreeMap<>();
        attributes.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                List<String> texts = list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
                if (!texts.isEmpty()) {
                    values.put(name, texts);
                }
            } else if (value instanceof Map<?, ?> map) {
                values.put(name, List.of(new JsonObject(new java.util.LinkedHashMap<>(castKeys(map))).encode()));
            } else if (value != null) {
                values.put(name, List.of(String.valueOf(value)));
            }
        });
        return values;
    }

    private static Map<String, Object> castKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
