package uk.encounters.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format of every integration event against its checked-in example in
 * {@code src/test/resources/contracts/<type name>.json}. An example is never edited once published: a failing
 * backward test means the change breaks consumers that still read the old shape, so it needs a new version.
 */
class ContractExamplesTest {

    static Stream<EventType<?>> types() {
        return IntegrationEvents.REGISTRY.types().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyRegisteredTypeHasAnExample(EventType<?> type) {
        assertThat(ContractExamplesTest.class.getResource(resource(type)))
                .as("add an example at src/test/resources%s", resource(type))
                .isNotNull();
    }

    @Test
    void everyExampleBelongsToARegisteredType() throws IOException, URISyntaxException {
        Path folder = Path.of(ContractExamplesTest.class.getResource("/contracts").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> exampleNames = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            Set<String> registered = types().map(EventType::typeName).collect(Collectors.toSet());
            assertThat(exampleNames).isEqualTo(registered);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void currentRecordReadsTheExample(EventType<?> type) {
        JsonNode example = example(type);
        IntegrationEvent event = ContractJson.MAPPER.treeToValue(example, type.type());

        assertThat(event).isInstanceOf(type.type());
        assertThat(event.partitionKey()).as("partition key").isNotBlank();
        // An example that lacks a component would let a renamed field pass unnoticed.
        assertThat(example.propertyNames()).containsExactlyInAnyOrderElementsOf(componentNames(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void olderReaderIgnoresFieldsAddedLater(EventType<?> type) {
        ObjectNode newer = (ObjectNode) example(type).deepCopy();
        newer.put("addedInALaterRelease", "some value");
        newer.putObject("nestedAddition").put("depth", 2).putArray("items").add(1).add(2);

        assertThat(ContractJson.MAPPER.treeToValue(newer, type.type()))
                .isEqualTo(ContractJson.MAPPER.treeToValue(example(type), type.type()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void writingThenReadingGivesTheSameEvent(EventType<?> type) {
        IntegrationEvent event = ContractJson.MAPPER.treeToValue(example(type), type.type());

        String json = ContractJson.MAPPER.writeValueAsString(event);
        JsonNode written = ContractJson.MAPPER.readTree(json);

        assertThat(ContractJson.MAPPER.readValue(json, type.type())).isEqualTo(event);
        assertThat(written.propertyNames())
                .as("only record components go on the wire (no partitionKey, no type information)")
                .containsExactlyInAnyOrderElementsOf(componentNames(type));
        assertThat(json).doesNotContain(type.type().getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void anAbsentCollectionReadsAsEmpty(EventType<?> type) {
        ObjectNode older = (ObjectNode) example(type).deepCopy();
        List<String> collections = Arrays.stream(type.type().getRecordComponents())
                .filter(c -> List.class.isAssignableFrom(c.getType()) || java.util.Map.class.isAssignableFrom(c.getType()))
                .map(RecordComponent::getName)
                .toList();
        collections.forEach(older::remove);

        IntegrationEvent event = ContractJson.MAPPER.treeToValue(older, type.type());

        for (String name : collections) {
            Object value = accessor(event, name);
            assertThat(value).as(name).isNotNull();
            assertThat(value instanceof java.util.Collection<?> c ? c.isEmpty() : ((java.util.Map<?, ?>) value).isEmpty())
                    .as(name + " is empty").isTrue();
        }
    }

    private static Object accessor(Object record, String component) {
        try {
            return record.getClass().getMethod(component).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> componentNames(EventType<?> type) {
        return Arrays.stream(type.type().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    static String resource(EventType<?> type) {
        return "/contracts/" + type.typeName() + ".json";
    }

    static JsonNode example(EventType<?> type) {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream(resource(type))) {
            assertThat(in).as(resource(type)).isNotNull();
            return ContractJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
