package uk.encounters.platform.eventstore.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(CounterProjection.GROUP)
class CounterProjection {

    static final String GROUP = "counter-projection";

    final List<Counter.CounterEvent> received = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Counter.CounterCreated event) {
        received.add(event);
    }

    @EventHandler
    void on(Counter.CounterIncremented event) {
        received.add(event);
    }
}
