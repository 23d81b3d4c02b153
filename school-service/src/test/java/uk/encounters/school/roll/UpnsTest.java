package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnsTest {

    @Test
    void acceptsAPublishedExampleOfAValidUpn() {
        // 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93; 93 mod 23 = 1 -> B
        assertThat(Upns.isValid("B801200005001")).isTrue();
    }

    @Test
    void acceptsUpnsWorkedOutByHand() {
        // 9x2 + 3x3 + 6x4 + 4x5 + 1x6 + 2x7 + 0x8 + 2x9 + 6x10 + 0x11 + 0x12 + 1x13 = 182; 182 mod 23 = 21 -> Y
        assertThat(Upns.isValid("Y936412026001")).isTrue();
        // All zeros weigh nothing: 0 -> A
        assertThat(Upns.isValid("A000000000000")).isTrue();
    }

    @Test
    void aTemporaryUpnEndsInALetterThatCountsAsItsPlaceInTheAlphabet() {
        // As Y936412026001 but the final 1x13 becomes A (0): 169 mod 23 = 8 -> J (I is skipped)
        assertThat(Upns.isValid("J93641202600A")).isTrue();
        assertThat(Upns.checkLetter("X93641202600A")).isEqualTo('J');
    }

    @Test
    void rejectsAWrongCheckLetter() {
        assertThat(Upns.isValid("A801200005001")).isFalse();
        assertThat(Upns.hasValidShape("A801200005001")).isTrue();
        assertThat(Upns.checkLetter("A801200005001")).isEqualTo('B');
    }

    @Test
    void rejectsTransposedDigits() {
        assertThat(Upns.isValid("B801200050001")).isFalse();
    }

    @Test
    void rejectsWrongShapes() {
        assertThat(Upns.hasValidShape("B80120000500")).as("12 characters").isFalse();
        assertThat(Upns.hasValidShape("B8012000050011")).as("14 characters").isFalse();
        assertThat(Upns.hasValidShape("X80120000A001")).as("letter in the middle").isFalse();
        assertThat(Upns.hasValidShape("1801200005001")).as("digit first").isFalse();
        assertThat(Upns.hasValidShape("I801200005001")).as("I is never a check letter").isFalse();
        assertThat(Upns.hasValidShape("B80120000500O")).as("O is never a final letter").isFalse();
        assertThat(Upns.hasValidShape("B80120000500١")).as("non-ASCII digit").isFalse();
    }

    @Test
    void normalisesCaseAndSpaces() {
        assertThat(Upns.normalise(" b801 2000 05001 ")).isEqualTo("B801200005001");
        assertThat(Upns.isValid(Upns.normalise("b801200005001"))).isTrue();
    }
}
