package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline8890.cases.Satisfaction;
import org.junit.jupiter.api.Test;

class RatingReaderTest {

    @Test
    void aDigitIsTheRatingTheFeedbackRequestListsAndTheRestIsTheComment() {
        assertThat(RatingReader.read("1")).hasValue(new RatingReader.Rating(Satisfaction.VERY_SATISFIED, null));
        assertThat(RatingReader.read(" 5，还是很吵 ")).hasValue(
                new RatingReader.Rating(Satisfaction.VERY_DISSATISFIED, "还是很吵"));
        assertThat(RatingReader.read("３")).hasValue(new RatingReader.Rating(Satisfaction.BASICALLY_SATISFIED, null));
    }

    @Test
    void theWordsAreReadLongestFirst() {
        assertThat(RatingReader.read("非常不满意，没人来过")).hasValue(
                new RatingReader.Rating(Satisfaction.VERY_DISSATISFIED, "没人来过"));
        assertThat(RatingReader.read("不满意")).hasValue(new RatingReader.Rating(Satisfaction.DISSATISFIED, null));
        assertThat(RatingReader.read("满意 谢谢")).hasValue(new RatingReader.Rating(Satisfaction.SATISFIED, "谢谢"));
        assertThat(RatingReader.read("基本满意")).hasValue(new RatingReader.Rating(Satisfaction.BASICALLY_SATISFIED, null));
    }

    @Test
    void otherTextIsNotARating() {
        assertThat(RatingReader.read("6")).isEmpty();
        assertThat(RatingReader.read("12号楼又在施工")).isEmpty();
        assertThat(RatingReader.read("楼下又在施工了")).isEmpty();
        assertThat(RatingReader.read("   ")).isEmpty();
        assertThat(RatingReader.read(null)).isEmpty();
    }
}
