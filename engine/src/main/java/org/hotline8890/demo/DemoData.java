package org.hotline8890.demo;

import java.time.LocalDate;
import java.util.List;

import org.hotline8890.HotlineProperties;
import org.hotline8890.knowledge.Article;
import org.hotline8890.knowledge.KnowledgeBase;
import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.CategoryRepository;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.OrgUnitRepository;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.organisation.StaffUser;
import org.hotline8890.organisation.StaffUserRepository;
import org.hotline8890.security.Staff;
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
    private final KnowledgeBase knowledge;
    // One hash for all demo accounts, which share a published password anyway: a BCrypt hash is made
    // slow on purpose, and one per account was over a second of the first start (docs/benchmarks.md).
    private String demoPasswordHash;

    DemoData(HotlineProperties properties, Organisation organisation, OrgUnitRepository units,
             CategoryRepository categories, StaffUserRepository users, PasswordEncoder passwords,
             KnowledgeBase knowledge) {
        this.properties = properties;
        this.organisation = organisation;
        this.units = units;
        this.categories = categories;
        this.users = users;
        this.passwords = passwords;
        this.knowledge = knowledge;
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
        user("dept-dc-street", "东华街道办事处承办人", Role.DEPARTMENT, units.findByCode("DC-DH").orElseThrow());
        neighbouringCity();

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
        knowledgeArticles(center, units.findByCode("RSJ").orElseThrow());
        log.info("Demo data loaded: the demo city, its departments and one login per role (password '{}')", DEMO_PASSWORD);
    }

    /**
     * A second region beside the demo city, as on a province-wide unified platform (统一平台): its own root,
     * its own center and units, so cases can be transferred between the two (docs/organisation.md).
     */
    private void neighbouringCity() {
        OrgUnit city = unit("LS", "临山市", "Linshan City", OrgUnitKind.CITY, null);
        OrgUnit center = unit("LS-CENTER", "临山市民热线服务中心", "Linshan Hotline Center", OrgUnitKind.CENTER, city);
        OrgUnit environment = unit("LS-HBJ", "临山市生态环境局", "Linshan Ecology and Environment Bureau",
                OrgUnitKind.DEPARTMENT, city);
        unit("LS-QS", "青山区", "Qingshan District", OrgUnitKind.DISTRICT, city);
        user("ls-dispatcher", "临山派单员小赵", Role.DISPATCHER, center);
        user("ls-dept-environment", "临山市生态环境局承办人", Role.DEPARTMENT, environment);
    }

    private OrgUnit district(String code, String name, String nameEn, String streetCode, String street, String streetEn,
                             String community, String communityEn) {
        OrgUnit district = unit(code, name, nameEn, OrgUnitKind.DISTRICT, units.findByCode("CITY").orElseThrow());
        unit(code + "-CGJ", name + "城市管理局", nameEn + " Urban Management Bureau", OrgUnitKind.DEPARTMENT, district);
        OrgUnit s = unit(code + "-" + streetCode, street + "办事处", streetEn + " Office", OrgUnitKind.STREET, district);
        unit(code + "-" + streetCode + "-01", community, communityEn, OrgUnitKind.COMMUNITY, s);
        // Each demo district runs its own hotline sub-center (分中心) for the cases the city sends it.
        return organisation.runSubCenter(district.getId(), true);
    }

    /** A dozen articles the center wrote for the units that own them, and one proposal waiting for approval. */
    private void knowledgeArticles(OrgUnit center, OrgUnit labour) {
        Staff dispatcher = new Staff("dispatcher", Role.DISPATCHER, center.getId(), center.getPath());
        LocalDate from = LocalDate.of(2024, 1, 1);
        article(dispatcher, "RSJ", "LABOUR.SOCIAL", "职工养老保险关系跨省转移怎么办理？",
                "参保人员跨省流动就业的，可通过国家社会保险公共服务平台、掌上12333或转入地社保经办机构申请转移接续，"
                        + "携带身份证，无需回原参保地办理。转出地审核后，转入地在15个工作日内办结。",
                from, null, "《城镇企业职工基本养老保险关系转移接续暂行办法》(国办发〔2009〕66号)");
        article(dispatcher, "RSJ", "LABOUR.SOCIAL", "医保关系转移接续需要什么材料？",
                "跨统筹区就业的参保人，可在国家医保服务平台或转入地医保经办机构申请医保关系转移，提供身份证即可，"
                        + "转出地出具参保凭证后，个人账户余额随同转移。",
                from, null, "《基本医疗保险关系转移接续暂行办法》");
        article(dispatcher, "RSJ", "LABOUR.SOCIAL", "失业保险金如何申领？",
                "非因本人意愿中断就业、已办理失业登记并有求职要求的，可通过线上平台或户籍地、参保地公共就业服务机构申领失业保险金，"
                        + "每月发放，期限按缴费年限计算。",
                from, null, "《失业保险条例》");
        article(dispatcher, "RSJ", "LABOUR.WAGES", "单位拖欠工资怎么投诉？",
                "可向用人单位所在地人社局劳动保障监察机构投诉，或拨打12333；请准备劳动合同、考勤、工资条等证据。"
                        + "农民工欠薪可通过国务院客户端“根治欠薪线索反映平台”反映。",
                from, null, "《保障农民工工资支付条例》");
        article(dispatcher, "HBJ", "ENV.NOISE", "夜间建筑施工噪音扰民如何投诉？",
                "晚上十点至次日六点禁止产生噪声污染的建筑施工作业，因生产工艺要求等必须连续施工的须取得夜间施工证明并公告附近居民。"
                        + "未取得证明夜间施工的，可拨打本热线投诉，生态环境部门将现场核查并依法处罚。",
                from, null, "《中华人民共和国噪声污染防治法》第四十三条");
        article(dispatcher, "DC-CGJ", "URBAN.STALL", "广场舞、商铺高音喇叭噪音投诉找谁？",
                "公共场所文化娱乐、商业经营使用音响器材产生噪声干扰周围生活环境的，由所在街道或城管综合执法部门劝阻、处理；"
                        + "情节严重的由公安机关依法处理。",
                from, null, "《中华人民共和国噪声污染防治法》第六十四条、第六十五条");
        article(dispatcher, "ZJJ", "HOUSING.PROPERTY", "小区物业不作为、乱收费怎么办？",
                "物业服务收费应当公示，未公示或超出合同约定收费的，可向住建部门物业管理科或市场监管部门反映；"
                        + "物业服务质量问题可先向业主委员会反映，再由街道和住建部门协调处理。",
                from, null, "《物业管理条例》");
        article(dispatcher, "ZJJ", "HOUSING.CONSTRUCTION", "房屋维修资金如何申请使用？",
                "住宅共用部位、共用设施设备保修期满后需要维修的，由业主委员会或物业服务企业提出方案，"
                        + "经相关业主表决同意后向住建部门申请划转专项维修资金。",
                from, LocalDate.of(2030, 12, 31), "《住宅专项维修资金管理办法》");
        article(dispatcher, "SCJG", "MARKET.CONSUMER", "网购商品七天无理由退货被拒怎么办？",
                "除定制商品、鲜活易腐等法定例外，网络购物收货之日起七日内可无理由退货。商家拒绝的，可拨打12315或登录全国12315平台投诉。",
                from, null, "《中华人民共和国消费者权益保护法》第二十五条");
        article(dispatcher, "SCJG", "MARKET.FOOD", "发现餐馆食品安全问题怎么举报？",
                "请保留消费凭证、照片或视频，拨打本热线或12315举报，市场监管部门将在规定时限内核查处理，"
                        + "举报属实的可按规定给予奖励。",
                from, null, "《市场监督管理投诉举报处理暂行办法》");
        article(dispatcher, "JTJ", "TRAFFIC.TAXI", "出租车拒载、绕路如何投诉？",
                "请记下车牌号、乘车时间和上下车地点，保留发票，拨打本热线投诉；交通运输部门核实后依法处理驾驶员和所属企业。",
                from, null, "《巡游出租汽车经营服务管理规定》");
        article(dispatcher, "JTJ", "TRAFFIC.BUS", "公交卡丢失如何挂失补办？",
                "记名公交卡可携带身份证到公交卡服务网点挂失补办，挂失次日起卡内余额转入新卡；不记名卡不能挂失。",
                from, null, "市公共交通一卡通服务指南");
        // A department's proposal, waiting in the center's queue.
        knowledge.write(new Staff("dept-labour", Role.DEPARTMENT, labour.getId(), labour.getPath()),
                new Article.Content("灵活就业人员如何参加职工养老保险？",
                        "灵活就业人员可在户籍地或居住地社保经办机构以个人身份参保，缴费基数在规定范围内自选。",
                        "LABOUR.SOCIAL", from, null, "《社会保险法》第十条"), null, null);
    }

    private void article(Staff author, String owner, String category, String question, String answer,
                         LocalDate validFrom, LocalDate validUntil, String source) {
        knowledge.write(author, new Article.Content(question, answer, category, validFrom, validUntil, source), owner, null);
    }

    private OrgUnit unit(String code, String name, String nameEn, OrgUnitKind kind, OrgUnit parent) {
        return organisation.addUnit(code, name, nameEn, kind, parent);
    }

    private void user(String username, String displayName, Role role, OrgUnit unit) {
        if (demoPasswordHash == null) {
            demoPasswordHash = passwords.encode(DEMO_PASSWORD);
        }
        users.save(new StaffUser(username, demoPasswordHash, displayName, role, unit));
    }
}
