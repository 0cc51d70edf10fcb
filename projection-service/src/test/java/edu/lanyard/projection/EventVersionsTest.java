package edu.lanyard.projection;

import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.projection.events.EventVersions;
import edu.lanyard.projection.events.UnreadableEventException;
import edu.lanyard.projection.events.UnsupportedEventException;
import edu.lanyard.projection.rows.EventProjector;
import edu.lanyard.projection.rows.ProjectionBatch;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventVersionsTest {

    @Test
    void everyEventTypeIsReadableAtVersionOneAndProjected() {
        Set<String> covered = SampleEvents.story().stream().map(e -> e.getClass().getSimpleName())
                .collect(Collectors.toSet());
        Set<String> all = Arrays.stream(LifecycleEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertEquals(all, covered, "the sample story must contain every event type");
        ProjectionBatch batch = new ProjectionBatch();
        for (LifecycleEvent event : SampleEvents.story()) {
            assertEquals(1, EventVersions.newestVersion(event.getClass().getSimpleName()));
            LifecycleEvent read = EventVersions.read(EventCodec.encode(event));
            assertEquals(event, read);
            EventProjector.project(read, batch);
        }
        assertEquals(SampleEvents.story().size(), batch.audit().size());
    }

    @Test
    void aNewerVersionIsRefusedNotGuessed() {
        String v2 = EventCodec.encode(SampleEvents.story().get(0)).replace("\"v\":1", "\"v\":2");
        UnsupportedEventException refused = assertThrows(UnsupportedEventException.class,
                () -> EventVersions.read(v2));
        assertEquals(2, refused.version());
        String unknownType = EventCodec.encode(SampleEvents.story().get(0))
                .replace("\"SessionStarted\"", "\"SessionResumed\"");
        assertThrows(UnsupportedEventException.class, () -> EventVersions.read(unknownType));
    }

    @Test
    void somethingThatIsNotAnEventIsUnreadable() {
        assertThrows(UnreadableEventException.class, () -> EventVersions.read("not json"));
        assertThrows(UnreadableEventException.class, () -> EventVersions.read("[1,2]"));
        assertThrows(UnreadableEventException.class, () -> EventVersions.read("{\"type\":\"TokensIssued\"}"));
        assertThrows(UnreadableEventException.class, () -> EventVersions.read(
                "{\"type\":\"TokensIssued\",\"meta\":{\"v\":1},\"accessTokenExpiresAt\":\"soon\"}"));
        assertThrows(UnreadableEventException.class, () -> EventVersions.read(null));
    }

    @Test
    void anOptionalFieldAddedToVersionOneReadsAsAbsentFromOlderEvents() {
        String older = EventCodec.encode(SampleEvents.story().get(0)).replace(",\"sid\":\"sid-1\"", "");
        LifecycleEvent read = EventVersions.read(older);
        assertTrue(read.toString().contains("sid=null"), read.toString());
    }
}
