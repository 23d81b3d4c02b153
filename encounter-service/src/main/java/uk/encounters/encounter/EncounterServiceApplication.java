package uk.encounters.encounter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EncounterServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EncounterServiceApplication.class, args);
    }
}
