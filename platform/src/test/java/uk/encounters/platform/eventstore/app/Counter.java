package uk.encounters.platform.eventstore.app;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Counter {

    record CreateCounter(@TargetAggregateIdentifier String counterId) {
    }

    record IncrementCounter(@TargetAggregateIdentifier String counterId, int by) {
    }

    sealed interface CounterEvent {
    }

    record CounterCreated(String counterId) implements CounterEvent {
    }

    record CounterIncremented(String counterId, int by, int total) implements CounterEvent {
    }

    @AggregateIdentifier
    private String counterId;
    private int total;

    Counter() {
        // for Axon
    }

    @CommandHandler
    Counter(CreateCounter command) {
        apply(new CounterCreated(command.counterId()));
    }

    /** Returns the new total, which is only right if the aggregate was rebuilt from its stored events. */
    @CommandHandler
    int handle(IncrementCounter command) {
        apply(new CounterIncremented(counterId, command.by(), total + command.by()));
        return total;
    }

    @EventSourcingHandler
    void on(CounterCreated event) {
        counterId = event.counterId();
    }

    @EventSourcingHandler
    void on(CounterIncremented event) {
        total = event.total();
    }
}
