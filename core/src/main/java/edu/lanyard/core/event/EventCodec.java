package edu.lanyard.core.event;

import edu.lanyard.core.json.Jsons;

public final class EventCodec {
    private EventCodec() {
    }

    public static String encode(LifecycleEvent event) {
        return Jsons.write(event);
    }

    public static LifecycleEvent decode(String json) {
        return Jsons.read(json, LifecycleEvent.class);
    }
}
