package org.hotline8890.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and grows the organisation tree; the one place that keeps {@link OrgUnit#getPath()} right. */
@Service
public class Organisation {

    /** Unit codes become path segments and dispatch-catalogue outputs: upper case, digits, '-' and '_'. */
    public static final Pattern UNIT_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{0,63}");

    private final OrgUnitRepository units;
    private final CategoryRepository categories;
    private final CaseRepository cases;
    private final StaffUserRepository users;

    Organisation(OrgUnitRepository units, CategoryRepository categories, CaseRepository cases,
                 StaffUserRepository users) {
        this.units = units;
        this.categories = categories;
        this.cases = cases;
        this.users = users;
    }

    /** An administrator's new unit under an active parent; the code must be new. */
    @Transactional
    public OrgUnit addUnitUnder(Long parentId, String code, String name, String nameEn, OrgUnitKind kind) {
        OrgUnit parent = byId(parentId).filter(OrgUnit::isActive).orElseThrow(
                () -> new OrganisationChangeRefused("parent", "admin.refused.parentUnknown", "no active unit " + parentId));
        String cleanCode = code == null ? "" : code.strip();
        if (!UNIT_CODE.matcher(cleanCode).matches()) {
            throw new OrganisationChangeRefused("code", "admin.refused.unitCode", "not a unit code: " + code);
        }
        if (units.findByCode(cleanCode).isPresent()) {
            throw new OrganisationChangeRefused("code", "admin.refused.codeTaken", cleanCode + " is taken");
        }
        if (name == null || name.isBlank()) {
            throw new OrganisationChangeRefused("name", "admin.refused.nameRequired", "a unit needs a name");
        }
        if (kind == null) {
            throw new OrganisationChangeRefused("kind", "admin.refused.kindRequired", "a unit needs a kind");
        }
        return addUnit(cleanCode, name.strip(), nameEn == null || nameEn.isBlank() ? null : nameEn.strip(), kind, parent);
    }

    @Transactional
    public OrgUnit renameUnit(Long id, String name, String nameEn) {
        OrgUnit unit = existingUnit(id);
        unit.rename(name, nameEn);
        return unit;
    }

    /**
     * Takes a unit out of use. Refused while it or a unit below it still has open cases (they would
     * have nobody to answer them), while active units lie below it, or while enabled staff belong to it.
     */
    @Transactional
    public OrgUnit deactivateUnit(Long id) {
        OrgUnit unit = existingUnit(id);
        List<OrgUnit> below = subtree(unit);
        long open = cases.countByDepartmentIdInAndStatusNotIn(below.stream().map(OrgUnit::getId).toList(),
                CaseStatus.finalStatuses());
        if (open > 0) {
            throw new OrganisationChangeRefused("unit", "admin.refused.unitHasOpenCases",
                    unit.getCode() + " still has " + open + " open cases");
        }
        if (below.stream().anyMatch(u -> !u.getId().equals(unit.getId()) && u.isActive())) {
            throw new OrganisationChangeRefused("unit", "admin.refused.unitHasActiveChildren",
                    unit.getCode() + " still has active units below it");
        }
        if (users.existsByOrgUnitIdAndEnabledTrue(unit.getId())) {
            throw new OrganisationChangeRefused("unit", "admin.refused.unitHasStaff",
                    unit.getCode() + " still has enabled staff");
        }
        unit.deactivate();
        return unit;
    }

    /**
     * Turns a unit's sub-center on or off. On needs active units below it to re-dispatch to; off is refused
     * while cases are in its loop (their process waits for the sub-center's sign, ruling or review).
     */
    @Transactional
    public OrgUnit runSubCenter(Long id, boolean on) {
        OrgUnit unit = existingUnit(id);
        if (!unit.isActive()) {
            throw new OrganisationChangeRefused("unit", "admin.refused.unitInactive", unit.getCode() + " is inactive");
        }
        if (on && subtree(unit).stream().noneMatch(u -> !u.getId().equals(unit.getId()) && u.isActive())) {
            throw new OrganisationChangeRefused("unit", "admin.refused.subCenterNoUnits",
                    unit.getCode() + " has no units below it to re-dispatch to");
        }
        if (!on && (cases.countBySubCenterIdAndStatusNotIn(unit.getId(), CaseStatus.finalStatuses()) > 0
                || cases.countByActingSubCenterIdAndStatusNotIn(unit.getId(), CaseStatus.finalStatuses()) > 0)) {
            throw new OrganisationChangeRefused("unit", "admin.refused.subCenterHasOpenCases",
                    unit.getCode() + " still has open cases in its sub-center");
        }
        unit.runSubCenter(on);
        return unit;
    }

    /** The whole organisation as trees (one per region, see {@link Regions}), each level ordered by code. */
    @Transactional(readOnly = true)
    public List<UnitNode> tree() {
        List<OrgUnit> all = units.findAll();
        Map<String, OrgUnit> byCode = all.stream().collect(Collectors.toMap(OrgUnit::getCode, Function.identity()));
        Map<Long, List<OrgUnit>> byParent = all.stream().filter(u -> u.getParentId() != null)
                .collect(Collectors.groupingBy(OrgUnit::getParentId));
        return all.stream().filter(u -> u.getParentId() == null).sorted(Comparator.comparing(OrgUnit::getCode))
                .map(u -> node(u, byParent, byCode)).toList();
    }

    private UnitNode node(OrgUnit unit, Map<Long, List<OrgUnit>> byParent, Map<String, OrgUnit> byCode) {
        List<UnitNode> children = new ArrayList<>();
        byParent.getOrDefault(unit.getId(), List.of()).stream().sorted(Comparator.comparing(OrgUnit::getCode))
                .forEach(child -> children.add(node(child, byParent, byCode)));
        return new UnitNode(unit, districtOf(unit, byCode), children);
    }

    /** The nearest district on the unit's path, the unit itself included. */
    private static OrgUnit districtOf(OrgUnit unit, Map<String, OrgUnit> byCode) {
        String[] codes = unit.getPath().split("/");
        for (int i = codes.length - 1; i >= 0; i--) {
            OrgUnit onPath = byCode.get(codes[i]);
            if (onPath != null && onPath.getKind() == OrgUnitKind.DISTRICT) {
                return onPath;
            }
        }
        return null;
    }

    private OrgUnit existingUnit(Long id) {
        return byId(id).orElseThrow(
                () -> new OrganisationChangeRefused("unit", "admin.refused.unitUnknown", "no unit " + id));
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

    /** The categories a new case may choose: deactivated ones are gone from every choice. */
    public List<Category> activeCategories() {
        return categories.findAll().stream().filter(Category::isActive).toList();
    }

    /**
     * A new category. Its code says where it sits: {@code ENV.NOISE} lies under {@code ENV}, so the
     * parent given must be the part before the dot, and a top-level code has no dot.
     */
    @Transactional
    public Category addCategory(String code, String name, String nameEn, String parentCode) {
        String cleanCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        if (!Category.CODE.matcher(cleanCode).matches()) {
            throw new OrganisationChangeRefused("code", "admin.refused.categoryCode", "not a category code: " + code);
        }
        if (categories.existsById(cleanCode)) {
            throw new OrganisationChangeRefused("code", "admin.refused.codeTaken", cleanCode + " is taken");
        }
        int dot = cleanCode.lastIndexOf('.');
        String parentOfCode = dot < 0 ? null : cleanCode.substring(0, dot);
        if (!Objects.equals(parentOfCode, parent)) {
            throw new OrganisationChangeRefused("code", "admin.refused.categoryParentMismatch",
                    cleanCode + " does not lie under " + parent);
        }
        if (parent != null && categories.findById(parent).filter(Category::isActive).isEmpty()) {
            throw new OrganisationChangeRefused("parent", "admin.refused.parentUnknown", "no active category " + parent);
        }
        if (name == null || name.isBlank()) {
            throw new OrganisationChangeRefused("name", "admin.refused.nameRequired", "a category needs a name");
        }
        return categories.save(new Category(cleanCode, name.strip(),
                nameEn == null || nameEn.isBlank() ? null : nameEn.strip(), parent));
    }

    @Transactional
    public Category renameCategory(String code, String name, String nameEn) {
        Category category = existingCategory(code);
        category.rename(name, nameEn);
        return category;
    }

    /** Refused while active sub-categories remain: a choice list must not show children without their parent. */
    @Transactional
    public Category deactivateCategory(String code) {
        Category category = existingCategory(code);
        if (categories.findAll().stream().anyMatch(c -> code.equals(c.getParentCode()) && c.isActive())) {
            throw new OrganisationChangeRefused("category", "admin.refused.categoryHasActiveChildren",
                    code + " still has active sub-categories");
        }
        category.deactivate();
        return category;
    }

    private Category existingCategory(String code) {
        return (code == null ? Optional.<Category>empty() : categories.findById(code)).orElseThrow(
                () -> new OrganisationChangeRefused("category", "admin.refused.categoryUnknown", "no category " + code));
    }
}
