package uk.encounters.contracts;

/** The Gatsby Benchmarks this platform tracks. */
public enum Benchmark {
    /** Encounters with employers and employees. */
    GB5,
    /** Experiences of workplaces. */
    GB6
}
