package org.hotline8890.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The model on tiny labelled sets: what it learns, and when it refuses to guess. */
class CaseModelTest {

    private static final Features FEATURES = new Features();

    private static final List<Example> TINY = List.of(
            new Example("工地夜间施工噪音太大", "COMPLAINT", "ENV.NOISE", "HBJ"),
            new Example("晚上工地打桩噪音扰民", "COMPLAINT", "ENV.NOISE", "HBJ"),
            new Example("KTV噪音吵到凌晨", "COMPLAINT", "ENV.NOISE", "HBJ"),
            new Example("公司拖欠工资三个月", "COMPLAINT", "LABOUR.WAGES", "RSJ"),
            new Example("老板拖欠农民工工资", "REPORT", "LABOUR.WAGES", "RSJ"),
            new Example("离职后工资一直不发", "HELP", "LABOUR.WAGES", "RSJ"));

    @Test
    void aModelLearntFromATinyLabelledSetFilesNewRequestsWhereTheyBelong() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, TINY);

        CaseClassifier.Suggestions noise = model.suggest("隔壁工地噪音很大", 3);
        CaseClassifier.Suggestions wages = model.suggest("单位拖欠我的工资", 3);

        assertThat(noise.categories().get(0).code()).isEqualTo("ENV.NOISE");
        assertThat(noise.departments().get(0).code()).isEqualTo("HBJ");
        assertThat(wages.categories().get(0).code()).isEqualTo("LABOUR.WAGES");
        assertThat(wages.departments().get(0).code()).isEqualTo("RSJ");
        assertThat(noise.categories().get(0).score()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void scoresAreOrderedAndSumToOneOverAllCandidates() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, TINY);

        List<CaseClassifier.Guess> types = model.suggest("工地拖欠工资还噪音扰民", 10).types();

        assertThat(types).extracting(CaseClassifier.Guess::code).containsExactlyInAnyOrder("COMPLAINT", "REPORT", "HELP");
        assertThat(types).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(types.stream().mapToDouble(CaseClassifier.Guess::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theLimitCapsEveryList() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, TINY);

        CaseClassifier.Suggestions one = model.suggest("工地噪音", 1);

        assertThat(one.types()).hasSize(1);
        assertThat(one.categories()).hasSize(1);
        assertThat(model.suggest("工地噪音", 0)).isEqualTo(CaseModel.nothing());
    }

    @Test
    void textWithOnlyUnknownWordsGetsNoGuessesAndDoesNotFail() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, TINY);

        assertThat(model.suggest("量子纠缠望远镜", 3)).isEqualTo(CaseModel.nothing());
        assertThat(model.suggest("xyz 123 !!! 😀", 3)).isEqualTo(CaseModel.nothing());
        assertThat(model.suggest("", 3)).isEqualTo(CaseModel.nothing());
        assertThat(model.suggest(null, 3)).isEqualTo(CaseModel.nothing());
    }

    @Test
    void anEmptyModelAnswersEmptyLists() {
        CaseModel model = new CaseModel(FEATURES, 5);

        assertThat(model.suggest("工地夜间施工噪音太大", 3)).isEqualTo(CaseModel.nothing());
    }

    @Test
    void labelsWithFewerExamplesThanTheMinimumAreNeverSuggested() {
        // Three noise examples and three wage examples: below a minimum of four, neither qualifies.
        CaseModel strict = CaseModel.trainedOn(FEATURES, 4, TINY);
        CaseModel lenient = CaseModel.trainedOn(FEATURES, 3, TINY);

        assertThat(strict.suggest("工地噪音", 3).categories()).isEmpty();
        assertThat(lenient.suggest("工地噪音", 3).categories()).extracting(CaseClassifier.Guess::code)
                .containsExactly("ENV.NOISE", "LABOUR.WAGES");
        // COMPLAINT has four examples, REPORT and HELP one each: one candidate is no choice, so no guess.
        assertThat(strict.suggest("工地噪音", 3).types()).isEmpty();
    }

    @Test
    void aFieldWithoutALabelIsNotLearntForThatField() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, List.of(
                new Example("网上咨询社保怎么转移", "CONSULTATION", "LABOUR.SOCIAL", null),
                new Example("工地噪音投诉", "COMPLAINT", "ENV.NOISE", null)));

        CaseClassifier.Suggestions suggestions = model.suggest("社保转移", 3);

        assertThat(suggestions.categories().get(0).code()).isEqualTo("LABOUR.SOCIAL");
        assertThat(suggestions.departments()).isEmpty();
    }

    @Test
    void learningOneMoreCaseChangesTheAnswerWithoutRetraining() {
        CaseModel model = CaseModel.trainedOn(FEATURES, 1, TINY);
        assertThat(model.suggest("出租车司机拒载", 3).categories()).isEmpty();

        model.learn(new Example("出租车司机拒载绕路", "COMPLAINT", "TRAFFIC.TAXI", "JTJ"));

        assertThat(model.suggest("出租车司机拒载", 3).categories().get(0).code()).isEqualTo("TRAFFIC.TAXI");
    }

    @Test
    void featuresAreSmartcnWordsPlusPairsOfNeighbouringChineseCharacters() {
        assertThat(FEATURES.of("东城区噪音")).contains("b:东城", "b:城区", "b:区噪", "b:噪音", "w:噪音");
        assertThat(FEATURES.of("A1 B2")).noneMatch(f -> f.startsWith("b:"));
    }
}
