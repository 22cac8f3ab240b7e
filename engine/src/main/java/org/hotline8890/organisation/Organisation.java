package org.hotline8890.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and grows the organisation tree; the one place that keeps {@link OrgUnit#getPath()} right. */
@Service
public class Organisation {

    private final OrgUnitRepository units;
    private final CategoryRepository categories;

    Organisation(OrgUnitRepository units, CategoryRepository categories) {
        this.units = units;
        this.categories = categories;
    }

    @Transactional
    public OrgUnit addUnit(String code, String name, String nameEn, OrgUnitKind kind, OrgUnit parent) {
        return units.save(new OrgUnit(code, name, nameEn, kind, parent));
    }

    public Optional<OrgUnit> byCode(String code) {
        return code == null ? Optional.empty() : units.findByCode(code);
    }

    public Optional<OrgUnit> byId(Long id) {
        return id == null ? Optional.empty() : units.findById(id);
    }

    public List<OrgUnit> subtree(OrgUnit root) {
        return units.findByPathStartingWith(root.getPath());
    }

    public List<OrgUnit> all() {
        return units.findAll();
    }

    public boolean categoryExists(String code) {
        return code != null && categories.existsById(code);
    }

    public List<Category> categories() {
        return categories.findAll();
    }
}
