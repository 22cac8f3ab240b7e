package org.hotline8890.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regions of a unified platform (统一平台): each root of the organisation tree is a region (a city with
 * its own center), and a unit belongs to the region at the top of its path. A case belongs to one region
 * at a time; see docs/organisation.md, "Transfers between regions".
 */
@Service
public class Regions {

    public record Region(String code, String name, String nameEn) {
    }

    private final OrgUnitRepository units;

    Regions(OrgUnitRepository units) {
        this.units = units;
    }

    /** Every region, the first one created (the installation's home region) first. */
    @Transactional(readOnly = true)
    public List<Region> all() {
        return units.findByParentIdIsNull().stream().sorted(Comparator.comparing(OrgUnit::getId))
                .map(u -> new Region(u.getCode(), u.getName(), u.getNameEn())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Region> byCode(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The region a unit's path ("/CITY/DC/DC-CGJ/") lies in: its first code. */
    public static String ofPath(String path) {
        if (path == null || path.length() < 2) {
            return null;
        }
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    public static boolean contains(String region, OrgUnit unit) {
        return region != null && unit != null && region.equals(ofPath(unit.getPath()));
    }

    /**
     * The region a new case belongs to: the one its district lies in, or, for a district code no region
     * knows, the home region, whose center then decides (and may transfer it).
     */
    @Transactional(readOnly = true)
    public String forDistrict(String districtCode) {
        return Optional.ofNullable(districtCode).flatMap(units::findByCode).map(u -> ofPath(u.getPath()))
                .orElseGet(() -> all().stream().findFirst().map(Region::code)
                        .orElseThrow(() -> new IllegalStateException("the organisation has no unit yet")));
    }
}
