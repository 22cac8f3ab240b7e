package org.hotline8890.statistics;

import java.time.Instant;
import java.util.Collection;

import org.hotline8890.cases.HotlineCase;

/**
 * 分中心及时签收率: how promptly sub-centers signed for the cases the city dispatched to them, from their
 * own stored columns (sub_center_sign_by, sub_center_signed_at), apart from the on-time sign rate of the
 * units that handle the cases. The definition is in docs/metrics.md; {@code cases} counts the group's
 * cases that went through a sub-center, the rate is null when nothing is decided yet.
 */
public record SubCenterSigning(int cases, int signDecided, int signedOnTime, Double onTimeSignRate) {

    public static SubCenterSigning of(Collection<HotlineCase> group, Instant now) {
        Tally tally = new Tally();
        group.forEach(c -> tally.add(c.figureInputs(), now));
        return tally.subCenterSigning();
    }
}
