package uk.encounters.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.contracts.encounter.EncounterEvent;
import uk.encounters.contracts.encounter.EncounterEvents;
import uk.encounters.contracts.encounter.OfferWithdrawn;
import uk.encounters.contracts.school.HubRegistered;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolEvents;
import uk.encounters.contracts.school.ShoutOutPosted;

class EventFamiliesTest {

    @Test
    void everyMemberOfASealedFamilyIsRegisteredUnderItsPublisher() {
        assertFamily(SchoolEvent.class, SchoolEvents.TYPES, "school.");
        assertFamily(EncounterEvent.class, EncounterEvents.TYPES, "encounter.");
    }

    private static void assertFamily(Class<?> family, List<EventType<?>> types, String prefix) {
        Set<Class<?>> permitted = Set.of(family.getPermittedSubclasses());
        Set<Class<?>> registered = types.stream().map(EventType::type).collect(Collectors.toSet());
        assertThat(registered).isEqualTo(permitted);
        assertThat(types).allSatisfy(type -> {
            assertThat(type.name()).startsWith(prefix).endsWith("." + type.type().getSimpleName());
            assertThat(type.type().isRecord()).isTrue();
        });
    }

    @Test
    void looksUpByTypeNameAndByClass() {
        assertThat(SchoolEvents.byTypeName("school.ShoutOutPosted.v1").<Class<?>>map(EventType::type))
                .contains(ShoutOutPosted.class);
        assertThat(IntegrationEvents.REGISTRY.byClass(EmployerOffered.class)).map(EventType::typeName)
                .contains("encounter.EmployerOffered.v1");
        assertThat(IntegrationEvents.REGISTRY.byTypeName("school.ShoutOutPosted.v2")).isEmpty();
        assertThat(IntegrationEvents.REGISTRY.types()).hasSize(SchoolEvents.TYPES.size() + EncounterEvents.TYPES.size());
    }

    @Test
    void typeNamesLookLikeTheWireFormat() {
        assertThat(EventType.isWellFormedTypeName("school.ShoutOutPosted.v1")).isTrue();
        assertThat(EventType.isWellFormedTypeName("school.ShoutOutPosted.v12")).isTrue();
        assertThat(EventType.isWellFormedTypeName("uk.encounters.contracts.school.ShoutOutPosted")).isFalse();
        assertThat(EventType.isWellFormedTypeName("school.ShoutOutPosted")).isFalse();
        assertThatThrownBy(() -> EventType.of("ShoutOutPosted", 1, HubRegistered.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventRegistry(List.of(
                EventType.of("school.HubRegistered", 1, HubRegistered.class),
                EventType.of("school.HubRegistered", 1, HubRegistered.class))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.encounters.contracts.ContractExamplesTest#types")
    void anEventAboutASchoolIsKeyedByTheSchool(EventType<?> type) {
        IntegrationEvent event = ContractJson.MAPPER.treeToValue(ContractExamplesTest.example(type), type.type());
        Optional<Object> schoolId = component(event, "schoolId");

        if (schoolId.isPresent()) {
            assertThat(event.partitionKey()).isEqualTo(schoolId.get());
        } else if (component(event, "employerId").isPresent()) {
            assertThat(event.partitionKey()).isEqualTo(component(event, "employerId").get());
        } else {
            assertThat(event.partitionKey()).isEqualTo(component(event, "hubId").orElseThrow());
        }
    }

    @Test
    void bothEventsOfAnOfferShareAKey() {
        var toSchool = new EmployerOffered("o1", "e1", "so1", "s1", null, null, null, null, 1, null);
        var ownActivity = new EmployerOffered("o2", "e1", null, null, null, null, null, null, 1, null);

        assertThat(toSchool.partitionKey()).isEqualTo(new OfferWithdrawn("o1", "e1", "so1", "s1", "").partitionKey())
                .isEqualTo("s1");
        assertThat(ownActivity.partitionKey()).isEqualTo(new OfferWithdrawn("o2", "e1", null, null, "").partitionKey())
                .isEqualTo("e1");
    }

    @Test
    void missingIdentityIsRejected() {
        assertThatThrownBy(() -> new HubRegistered(null, "x")).isInstanceOf(NullPointerException.class);
    }

    private static Optional<Object> component(Object record, String name) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .map(RecordComponent::getAccessor)
                .map(accessor -> {
                    try {
                        return accessor.invoke(record);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
