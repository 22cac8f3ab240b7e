package org.hotline8890.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hotline8890.statistics.ComplianceStatistics.UnitFigures;
import org.springframework.stereotype.Component;

/**
 * The monthly ranking (月度排名) of departments: a composite score from the published figures, so
 * anyone can recompute it from the dashboard. The rule is in docs/metrics.md; the weights and the
 * minimum are {@link RankingSettings}.
 */
@Component
public class RankingPolicy {

    /** Why a department is listed but not ranked. */
    public enum NotRankedReason {
        /** fewer dispatched cases than {@link RankingSettings#minimumCases()}: a rate over two cases says little */
        TOO_FEW_CASES,
        /** enough cases, but no figure of the score is decided yet (every deadline still ahead) */
        NO_DECIDED_FIGURE
    }

    /** {@code position} is shared by equal scores (1, 2, 2, 4); {@code score} is 0–100, two decimals. */
    public record Ranked(int position, UnitFigures unit, double score) {
    }

    public record NotRanked(UnitFigures unit, NotRankedReason reason) {
    }

    /** {@code best} and {@code worst} are at most three each and never share a department. */
    public record Ranking(List<Ranked> ranked, List<Ranked> best, List<Ranked> worst, List<NotRanked> notRanked) {
    }

    private final RankingSettings settings;

    public RankingPolicy(RankingSettings settings) {
        this.settings = settings;
    }

    public RankingSettings settings() {
        return settings;
    }

    public Ranking rank(List<UnitFigures> units) {
        List<NotRanked> notRanked = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (UnitFigures unit : units) {
            Double score = score(unit.figures());
            if (unit.figures().dispatched() < settings.minimumCases()) {
                notRanked.add(new NotRanked(unit, NotRankedReason.TOO_FEW_CASES));
            } else if (score == null) {
                notRanked.add(new NotRanked(unit, NotRankedReason.NO_DECIDED_FIGURE));
            } else {
                scored.add(new Scored(unit, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.unit().code()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int position = i > 0 && scored.get(i - 1).score() == s.score() ? ranked.get(i - 1).position() : i + 1;
            ranked.add(new Ranked(position, s.unit(), s.score()));
        }
        int best = Math.min(3, ranked.size());
        int worst = Math.min(3, ranked.size() - best);
        return new Ranking(List.copyOf(ranked), List.copyOf(ranked.subList(0, best)),
                List.copyOf(ranked.subList(ranked.size() - worst, ranked.size())), List.copyOf(notRanked));
    }

    /**
     * The weighted mean of the score's figures that are decided (non-null), times 100, rounded to two
     * decimals; {@code null} when none is. Leaving an undecided figure out with its weight, rather than
     * counting it as 0 or 1, neither punishes nor rewards a department for cases still within their time.
     */
    public Double score(ComplianceFigures f) {
        double weighted = 0;
        double weights = 0;
        double[][] parts = {
                {settings.onTimeSign(), value(f.onTimeSignRate())},
                {settings.onTimeCompletion(), value(f.onTimeCompletionRate())},
                {settings.satisfaction(), value(f.satisfactionRate())},
                {settings.noReturn(), complement(f.returnRate())},
                {settings.noRehandling(), complement(f.rehandlingRate())}};
        for (double[] part : parts) {
            if (!Double.isNaN(part[1]) && part[0] > 0) {
                weighted += part[0] * part[1];
                weights += part[0];
            }
        }
        return weights == 0 ? null : Math.round(weighted / weights * 100 * 100) / 100.0;
    }

    private static double value(Double rate) {
        return rate == null ? Double.NaN : rate;
    }

    private static double complement(Double rate) {
        return rate == null ? Double.NaN : 1 - rate;
    }

    private record Scored(UnitFigures unit, double score) {
    }
}
