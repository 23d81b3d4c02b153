package uk.encounters.launcher;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import uk.encounters.infra.JavaProcess;

/** The HTTP port of each service. */
public record PlatformPorts(int identity, int school, int encounter, int reporting, int portal) {

    public PlatformPorts {
        if (Set.of(identity, school, encounter, reporting, portal).size() != 5) {
            throw new IllegalArgumentException("Each service needs its own port: " + identity + ", " + school + ", "
                    + encounter + ", " + reporting + ", " + portal);
        }
    }

    /** 8080 to 8084: the ports the README, the .http files and docker-compose use. */
    public static PlatformPorts defaults() {
        return new PlatformPorts(Service.IDENTITY.defaultPort(), Service.SCHOOL.defaultPort(),
                Service.ENCOUNTER.defaultPort(), Service.REPORTING.defaultPort(), Service.PORTAL.defaultPort());
    }

    /** Distinct free ports, for tests that run beside a local platform or each other. */
    public static PlatformPorts free() {
        Set<Integer> picked = new HashSet<>();
        while (picked.size() < 5) {
            picked.add(JavaProcess.freePort());
        }
        Integer[] ports = picked.toArray(Integer[]::new);
        return new PlatformPorts(ports[0], ports[1], ports[2], ports[3], ports[4]);
    }

    public int of(Service service) {
        return switch (service) {
            case IDENTITY -> identity;
            case SCHOOL -> school;
            case ENCOUNTER -> encounter;
            case REPORTING -> reporting;
            case PORTAL -> portal;
        };
    }

    Map<Service, Integer> asMap() {
        Map<Service, Integer> map = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            map.put(service, of(service));
        }
        return map;
    }
}
