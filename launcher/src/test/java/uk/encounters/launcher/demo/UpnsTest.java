package uk.encounters.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnsTest {

    @Test
    void agreesWithUpnsTheSchoolServiceAcceptsInTheReadme() {
        assertThat(Upns.isValid("B801200005001")).isTrue();
        assertThat(Upns.isValid("Y936412026001")).isTrue();
        assertThat(Upns.checkLetterFor("801200005001")).isEqualTo('B');
    }

    @Test
    void aWrongCheckLetterOrShapeIsNotValid() {
        assertThat(Upns.isValid("A801200005001")).isFalse();
        assertThat(Upns.isValid("B80120000500")).isFalse();
        assertThat(Upns.isValid("I801200005001")).isFalse();
    }

    @Test
    void madeUpnsCarryTheirPartsAndAValidCheckLetter() {
        String upn = Upns.of(808, 2345, 2019, 42);
        assertThat(upn).hasSize(13).endsWith("808234519042");
        assertThat(Upns.isValid(upn)).isTrue();
        assertThat(Upns.LETTERS).doesNotContain("I", "O", "S");
    }
}
