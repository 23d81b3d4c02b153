package uk.encounters.launcher.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.encounters.contracts.encounter.EmployerSize;

/**
 * Employers of a Tees Valley-like economy: process industry, advanced manufacturing, clean energy, health, logistics,
 * digital and the rest, from sole traders to large employers, each with a plausible TS postcode. Names are invented
 * from generic words and invented places.
 */
final class EmployerGenerator {

    record Sector(String name, double weight, List<String> nouns) {
    }

    static final List<Sector> SECTORS = List.of(
            new Sector("Engineering and manufacturing", 14, List.of("Precision Engineering", "Fabrications",
                    "Steel Components", "Advanced Manufacturing", "Machining")),
            new Sector("Chemicals and process", 8, List.of("Process Chemicals", "Polymers", "Speciality Chemicals")),
            new Sector("Energy and clean growth", 8, List.of("Offshore Wind Services", "Hydrogen", "Renewables",
                    "Carbon Capture")),
            new Sector("Health and social care", 12, List.of("Care Homes", "Dental Practice", "Pharmacy",
                    "Community Health Partnership", "Physiotherapy")),
            new Sector("Construction", 10, List.of("Builders", "Civil Engineering", "Electrical Contractors",
                    "Roofing", "Joinery")),
            new Sector("Digital and technology", 9, List.of("Software", "Digital Agency", "Games Studio",
                    "Cyber Security", "Data Labs")),
            new Sector("Logistics and ports", 7, List.of("Freight", "Port Services", "Logistics", "Haulage")),
            new Sector("Finance and professional services", 8, List.of("Accountants", "Solicitors",
                    "Building Society", "Insurance Services")),
            new Sector("Retail", 6, List.of("Stores", "Garden Centre", "Bakery")),
            new Sector("Hospitality and tourism", 6, List.of("Hotel", "Restaurant Group", "Leisure")),
            new Sector("Public services", 6, List.of("Fire and Rescue Station", "Council Services", "Library Service")),
            new Sector("Creative and media", 4, List.of("Media", "Design Studio", "Theatre Company")),
            new Sector("Agriculture and environment", 3, List.of("Farms", "Environmental Consultants")));

    static final List<String> SELF_EMPLOYED_TRADES = List.of("Electrician", "Plumbing and Heating", "Hair Studio",
            "Photography", "Web Design", "Bookkeeping", "Personal Training", "Joinery", "Graphic Design",
            "Dog Grooming", "Mobile Mechanic", "Physiotherapy");
    /** Inward codes never use C, I, K, M, O or V. */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final long seed;
    private final DemoSize size;
    private final DemoPlan.Ids ids;

    EmployerGenerator(long seed, DemoSize size, DemoPlan.Ids ids) {
        this.seed = seed;
        this.size = size;
        this.ids = ids;
    }

    List<EmployerPlan> employers() {
        Dice dice = Dice.forPart(seed, "employers");
        double[] sectorWeights = SECTORS.stream().mapToDouble(Sector::weight).toArray();
        List<EmployerSize> sizes = List.of(EmployerSize.values());
        double[] sizeWeights = {12, 24, 24, 20, 20};
        Set<String> names = new HashSet<>();
        List<EmployerPlan> employers = new ArrayList<>();
        for (int i = 1; i <= size.employers(); i++) {
            // Every sector appears at least once where there are enough employers, so shout-outs can find matches.
            Sector sector = i <= SECTORS.size() && size.employers() >= 2 * SECTORS.size()
                    ? SECTORS.get(i - 1) : dice.pick(SECTORS, sectorWeights);
            EmployerSize employerSize = dice.pick(sizes, sizeWeights);
            String name;
            do {
                name = name(dice, sector, employerSize);
            } while (!names.add(name));
            double engagement = switch (employerSize) {
                case LARGE -> 5;
                case MEDIUM -> 3;
                case SMALL -> 2;
                case MICRO -> 1.2;
                case SELF_EMPLOYED -> 0.8;
            } * Math.exp(dice.gaussian(0, 0.6));
            employers.add(new EmployerPlan(ids.employer(i), name, sector.name(), employerSize, postcode(dice),
                    engagement));
        }
        return employers;
    }

    private static String name(Dice dice, Sector sector, EmployerSize size) {
        if (size == EmployerSize.SELF_EMPLOYED) {
            return dice.pick(Names.SURNAMES) + " " + dice.pick(SELF_EMPLOYED_TRADES);
        }
        String noun = dice.pick(sector.nouns());
        String suffix = switch (size) {
            case LARGE -> dice.pick(List.of(" plc", " Group", " UK Ltd"));
            case MEDIUM -> dice.pick(List.of(" Ltd", " Group", ""));
            default -> dice.pick(List.of(" Ltd", "", " & Co"));
        };
        String stem = dice.chance(0.6) ? dice.pick(Names.PLACES) : dice.pick(List.of("Tees", "Riverside", "Northern",
                "Cleveland Bay", "Wharfside", "Ironstone", "Transporter", "Saltholme", "Boulby", "Erimus"));
        return stem + " " + noun + suffix;
    }

    /** A TS postcode in districts 1 to 29, which cover the Tees Valley's towns. */
    private static String postcode(Dice dice) {
        return "TS" + dice.between(1, 29) + " " + dice.between(1, 9)
                + INWARD_LETTERS.charAt(dice.between(0, INWARD_LETTERS.length() - 1))
                + INWARD_LETTERS.charAt(dice.between(0, INWARD_LETTERS.length() - 1));
    }
}
