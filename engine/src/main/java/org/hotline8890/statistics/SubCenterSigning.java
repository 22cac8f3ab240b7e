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
        int cases = 0, decided = 0, onTime = 0;
        for (HotlineCase c : group) {
            if (c.getSubCenterId() == null || c.getSubCenterSignBy() == null) {
                continue;
            }
            cases++;
            Instant signedAt = c.getSubCenterSignedAt();
            if (signedAt != null || c.getSubCenterSignBy().isBefore(now)) {
                decided++;
                if (signedAt != null && !signedAt.isAfter(c.getSubCenterSignBy())) {
                    onTime++;
                }
            }
        }
        return new SubCenterSigning(cases, decided, onTime,
                decided == 0 ? null : Math.round((double) onTime / decided * 10_000) / 10_000.0);
    }
}
