package uk.encounters.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Revision 1 to 2 of {@link OrderPlaced}: "12.50" pounds becomes 1250 pence. */
final class OrderPlacedRev1Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(OrderPlaced.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(OrderPlaced.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, node -> {
            ObjectNode payload = (ObjectNode) node;
            BigDecimal pounds = new BigDecimal(payload.remove("amount").asText());
            payload.put("amountPence", pounds.movePointRight(2).longValueExact());
            return payload;
        });
    }
}
