package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.statistics.ComplianceStatistics.UnitFigures;
import org.hotline8890.statistics.RankingPolicy.NotRankedReason;
import org.hotline8890.statistics.RankingPolicy.Ranked;
import org.hotline8890.statistics.RankingPolicy.Ranking;
import org.junit.jupiter.api.Test;

/**
 * The monthly ranking rule of docs/metrics.md with its default weights (sign 0.25, completion 0.30,
 * satisfaction 0.30, not returned 0.10, not re-handled 0.05; at least 5 dispatched cases), against
 * scores worked out by hand.
 */
class RankingPolicyTest {

    private final RankingPolicy policy = new RankingPolicy(new RankingSettings(0.25, 0.30, 0.30, 0.10, 0.05, 5));

    /*
     *  unit  dispatched  sign  completion  satisfaction  return  rehandling  score
     *  A     10          1.0   1.0         1.0           0.0     0.0         100.00
     *  B     10          0.8   0.5         0.6667        0.1     0.5         .25*.8 + .3*.5 + .3*.6667 + .1*.9 + .05*.5 = .66501 → 66.50
     *  F     10          = B                                                 66.50, ties with B: same place, code order
     *  C      6          0.5   —           —             0.0     —           (.25*.5 + .1*1) / (.25 + .1) = .642857 → 64.29
     *  H     10          0.5   0.5         0.5           0.5     0.5         50.00
     *  G     10          0.0   0.0         0.0           1.0     1.0         0.00
     *  D      4          1.0   1.0         1.0           0.0     0.0         not ranked: fewer than 5 cases
     */
    @Test
    void departmentsAreRankedByTheWeightedScoreWithTiesSharingAPlace() {
        Ranking ranking = policy.rank(List.of(
                unit("A", 10, 1.0, 1.0, 1.0, 0.0, 0.0),
                unit("B", 10, 0.8, 0.5, 0.6667, 0.1, 0.5),
                unit("C", 6, 0.5, null, null, 0.0, null),
                unit("D", 4, 1.0, 1.0, 1.0, 0.0, 0.0),
                unit("F", 10, 0.8, 0.5, 0.6667, 0.1, 0.5),
                unit("G", 10, 0.0, 0.0, 0.0, 1.0, 1.0),
                unit("H", 10, 0.5, 0.5, 0.5, 0.5, 0.5)));

        assertThat(ranking.ranked()).extracting(r -> r.unit().code()).containsExactly("A", "B", "F", "C", "H", "G");
        assertThat(ranking.ranked()).extracting(Ranked::position).containsExactly(1, 2, 2, 4, 5, 6);
        assertThat(ranking.ranked()).extracting(Ranked::score).containsExactly(100.0, 66.5, 66.5, 64.29, 50.0, 0.0);
        assertThat(ranking.best()).extracting(r -> r.unit().code()).containsExactly("A", "B", "F");
        assertThat(ranking.worst()).extracting(r -> r.unit().code()).containsExactly("C", "H", "G");
        assertThat(ranking.notRanked()).singleElement().satisfies(n -> {
            assertThat(n.unit().code()).isEqualTo("D");
            assertThat(n.reason()).isEqualTo(NotRankedReason.TOO_FEW_CASES);
        });
    }

    @Test
    void withFewerThanSixRankedTheWorstThreeNeverRepeatTheBest() {
        Ranking ranking = policy.rank(List.of(
                unit("A", 10, 1.0, 1.0, 1.0, 0.0, 0.0),
                unit("B", 10, 0.8, 0.5, 0.6667, 0.1, 0.5),
                unit("G", 10, 0.0, 0.0, 0.0, 1.0, 1.0),
                unit("H", 10, 0.5, 0.5, 0.5, 0.5, 0.5)));
        assertThat(ranking.best()).extracting(r -> r.unit().code()).containsExactly("A", "B", "H");
        assertThat(ranking.worst()).extracting(r -> r.unit().code()).containsExactly("G");
    }

    @Test
    void aFigureWithNoDecidedCaseLeavesTheScoreWithItsWeight() {
        // Only the sign rate and the return rate are decided: (.25 * .5 + .1 * 1) / .35.
        assertThat(policy.score(unit("C", 6, 0.5, null, null, 0.0, null).figures())).isEqualTo(64.29);
    }

    @Test
    void aDepartmentWithEnoughCasesButNoWeightedFigureDecidedIsListedNotRanked() {
        RankingPolicy ratesOnly = new RankingPolicy(new RankingSettings(0.5, 0.5, 0, 0, 0, 1));
        Ranking ranking = ratesOnly.rank(List.of(unit("A", 3, null, null, 1.0, 0.0, 0.0)));
        assertThat(ranking.ranked()).isEmpty();
        assertThat(ranking.notRanked()).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo(NotRankedReason.NO_DECIDED_FIGURE));
    }

    @Test
    void weightsMustNotBeNegativeOrAllZeroAndTheMinimumIsAtLeastOneCase() {
        assertThatThrownBy(() -> new RankingSettings(-0.1, 0.3, 0.3, 0.1, 0.05, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingSettings(0, 0, 0, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingSettings(0.25, 0.3, 0.3, 0.1, 0.05, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Figures holding just the rates the score reads; the counts behind them play no part in it. */
    static UnitFigures unit(String code, int dispatched, Double sign, Double completion, Double satisfaction,
                            Double returns, Double rehandling) {
        ComplianceFigures f = new ComplianceFigures(dispatched, dispatched,
                dispatched, 0, sign, dispatched, 0, completion, 0, returns, 0, 0.0,
                0, 0, rehandling, 0, 0, satisfaction, dispatched, 0, 0.0, 0, null, 0, 0);
        return new UnitFigures(code, "部门" + code, "Department " + code, OrgUnitKind.DEPARTMENT, f,
                new SubCenterSigning(0, 0, 0, null));
    }
}
