package org.hotline8890.demo;

import java.util.List;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.CategoryRepository;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.OrgUnitRepository;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.organisation.StaffUser;
import org.hotline8890.organisation.StaffUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final HotlineProperties properties;
    private final Organisation organisation;
    private final OrgUnitRepository units;
    private final CategoryRepository categories;
    private final StaffUserRepository users;
    private final PasswordEncoder passwords;

    DemoData(HotlineProperties properties, Organisation organisation, OrgUnitRepository units,
             CategoryRepository categories, StaffUserRepository users, PasswordEncoder passwords) {
        this.properties = properties;
        this.organisation = organisation;
        this.units = units;
        this.categories = categories;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || units.count() > 0) {
            return;
        }
        OrgUnit city = unit("CITY", "示范市", "Demo City", OrgUnitKind.CITY, null);
        OrgUnit center = unit("CENTER", "市民热线服务中心", "Hotline Center", OrgUnitKind.CENTER, city);
        OrgUnit housing = unit("ZJJ", "市住房和城乡建设局", "Housing and Construction Bureau", OrgUnitKind.DEPARTMENT, city);
        unit("HBJ", "市生态环境局", "Ecology and Environment Bureau", OrgUnitKind.DEPARTMENT, city);
        unit("SCJG", "市市场监督管理局", "Market Regulation Bureau", OrgUnitKind.DEPARTMENT, city);
        unit("JTJ", "市交通运输局", "Transport Bureau", OrgUnitKind.DEPARTMENT, city);
        unit("RSJ", "市人力资源和社会保障局", "Human Resources and Social Security Bureau", OrgUnitKind.DEPARTMENT, city);
        OrgUnit dc = district("DC", "东城区", "Dongcheng District", "DH", "东华街道", "Donghua Street", "东华社区", "Donghua Community");
        district("XC", "西城区", "Xicheng District", "XH", "西湖街道", "Xihu Street", "西湖社区", "Xihu Community");
        district("NH", "南湖区", "Nanhu District", "NS", "南山街道", "Nanshan Street", "南山社区", "Nanshan Community");

        user("agent", "话务员小李", Role.AGENT, center);
        user("dispatcher", "派单员小王", Role.DISPATCHER, center);
        user("supervisor", "督办科老张", Role.SUPERVISOR, center);
        user("admin", "系统管理员", Role.ADMIN, city);
        user("dept-housing", "市住建局承办人", Role.DEPARTMENT, housing);
        user("dept-environment", "市生态环境局承办人", Role.DEPARTMENT, units.findByCode("HBJ").orElseThrow());
        user("dept-market", "市市场监管局承办人", Role.DEPARTMENT, units.findByCode("SCJG").orElseThrow());
        user("dept-transport", "市交通运输局承办人", Role.DEPARTMENT, units.findByCode("JTJ").orElseThrow());
        user("dept-labour", "市人社局承办人", Role.DEPARTMENT, units.findByCode("RSJ").orElseThrow());
        user("dept-dc-urban", "东城区城管局承办人", Role.DEPARTMENT, units.findByCode("DC-CGJ").orElseThrow());
        user("dept-xc-urban", "西城区城管局承办人", Role.DEPARTMENT, units.findByCode("XC-CGJ").orElseThrow());
        user("dept-nh-urban", "南湖区城管局承办人", Role.DEPARTMENT, units.findByCode("NH-CGJ").orElseThrow());
        user("district-dc", "东城区热线分中心", Role.DEPARTMENT, dc);

        categories.saveAll(List.of(
                new Category("URBAN", "城市管理", "Urban management", null),
                new Category("URBAN.ROAD", "道路设施", "Roads and street furniture", "URBAN"),
                new Category("URBAN.SANITATION", "环境卫生", "Sanitation", "URBAN"),
                new Category("URBAN.STALL", "占道经营", "Street vending", "URBAN"),
                new Category("ENV", "生态环境", "Environment", null),
                new Category("ENV.NOISE", "噪声污染", "Noise", "ENV"),
                new Category("ENV.AIR", "大气污染", "Air pollution", "ENV"),
                new Category("HOUSING", "住房建设", "Housing and construction", null),
                new Category("HOUSING.PROPERTY", "物业管理", "Property management", "HOUSING"),
                new Category("HOUSING.CONSTRUCTION", "建筑施工", "Construction sites", "HOUSING"),
                new Category("MARKET", "市场监管", "Market regulation", null),
                new Category("MARKET.FOOD", "食品安全", "Food safety", "MARKET"),
                new Category("MARKET.CONSUMER", "消费维权", "Consumer rights", "MARKET"),
                new Category("TRAFFIC", "交通运输", "Transport", null),
                new Category("TRAFFIC.TAXI", "出租车", "Taxis", "TRAFFIC"),
                new Category("TRAFFIC.BUS", "公交", "Buses", "TRAFFIC"),
                new Category("LABOUR", "劳动社保", "Labour and social security", null),
                new Category("LABOUR.WAGES", "拖欠工资", "Unpaid wages", "LABOUR"),
                new Category("LABOUR.SOCIAL", "社会保险", "Social insurance", "LABOUR"),
                new Category("OTHER", "其他", "Other", null)));
        log.info("Demo data loaded: the demo city, its departments and one login per role (password '{}')", DEMO_PASSWORD);
    }

    private OrgUnit district(String code, String name, String nameEn, String streetCode, String street, String streetEn,
                             String community, String communityEn) {
        OrgUnit district = unit(code, name, nameEn, OrgUnitKind.DISTRICT, units.findByCode("CITY").orElseThrow());
        unit(code + "-CGJ", name + "城市管理局", nameEn + " Urban Management Bureau", OrgUnitKind.DEPARTMENT, district);
        OrgUnit s = unit(code + "-" + streetCode, street + "办事处", streetEn + " Office", OrgUnitKind.STREET, district);
        unit(code + "-" + streetCode + "-01", community, communityEn, OrgUnitKind.COMMUNITY, s);
        return district;
    }

    private OrgUnit unit(String code, String name, String nameEn, OrgUnitKind kind, OrgUnit parent) {
        return organisation.addUnit(code, name, nameEn, kind, parent);
    }

    private void user(String username, String displayName, Role role, OrgUnit unit) {
        users.save(new StaffUser(username, passwords.encode(DEMO_PASSWORD), displayName, role, unit));
    }
}
