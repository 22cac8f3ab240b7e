package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The similarity rule on its own: words, district, window, threshold, and the index kept current. */
class OpenCaseIndexTest {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final double MIN_SCORE = 0.28;

    final OpenCaseIndex index = new OpenCaseIndex();

    /**
     * Word weights depend on how many open cases use a word; a handful of cases would make every word
     * look rare. The requests of the labelled set stand in for the other open cases of the city, in a
     * district of their own so they are never suggested here.
     */
    @BeforeEach
    void theOtherOpenCasesOfTheCity() throws IOException {
        String tsv = new ClassPathResource("merging/pairs.tsv").getContentAsString(StandardCharsets.UTF_8);
        long id = 1000;
        for (String line : tsv.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                open(id++, "BG", NOW, f[1], f[2]);
                open(id++, "BG", NOW, f[3], f[4]);
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private void open(long id, String district, Instant at, String subject, String content) {
        index.put(new OpenCaseIndex.OpenCase(id, "8890-" + id, subject, district, at,
                OpenCaseIndexing.text(subject, content)));
    }

    private List<OpenCaseIndex.Match> similarTo(String subject, String content, String district) {
        return index.similar(OpenCaseIndexing.text(subject, content), district, NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), null, MIN_SCORE, 50);
    }

    private List<Long> ids(List<OpenCaseIndex.Match> matches) {
        return matches.stream().map(m -> m.openCase().id()).toList();
    }

    @Test
    void smartcnSplitsTheTextIntoWordsAndDropsWhatEveryComplaintSays() {
        var words = index.words("市民反映：社保转移问题，希望尽快处理。");
        assertThat(words).containsKeys("社保", "转移").doesNotContainKeys("反映", "问题", "希望", "处理", "市民", "，");
    }

    @Test
    void aRepeatWordedDifferentlyIsFoundWithAScoreBetweenZeroAndOne() {
        open(1, "DC", NOW, "电梯故障困人", "阳光城小区8栋电梯经常困人，这周已经坏了三次，物业维修不及时。");
        var matches = similarTo("阳光城8栋电梯频繁故障", "阳光城8号楼电梯老是坏，本周困人三次，物业拖着不修。", "DC");
        assertThat(ids(matches)).containsExactly(1L);
        assertThat(matches.get(0).score()).isBetween(MIN_SCORE, 1.0);
    }

    @Test
    void theSameKindOfMatterAtAnotherPlaceIsNotARepeat() {
        open(1, "DC", NOW, "烧烤油烟扰民", "南门街88号的烧烤店每天晚上在门口露天烧烤，油烟直接飘进楼上住户家里。");
        open(2, "DC", NOW, "幼儿园校车超载", "阳光幼儿园校车一辆七座车坐了十几个孩子。");
        assertThat(ids(similarTo("幼儿园乱收费", "小太阳幼儿园收费过高，还乱收兴趣班费用。", "DC"))).isEmpty();
        assertThat(ids(similarTo("南门街烧烤店油烟", "南门街88号烧烤摊露天经营，烟熏得楼上没法开窗。", "DC"))).containsExactly(1L);
    }

    @Test
    void onlyCasesOfTheSameDistrictWithinTheWindowAreSuggested() {
        String subject = "星光KTV深夜噪音";
        String content = "星光KTV凌晨两点还在大声放音乐，楼上居民睡不着。";
        open(1, "DC", NOW.minus(Duration.ofDays(5)), subject, content);
        open(2, "XC", NOW, subject, content);
        open(3, "DC", NOW.minus(Duration.ofDays(45)), subject, content);
        assertThat(ids(similarTo("星光KTV深夜扰民", "星光KTV每天放歌到后半夜两点多，吵得人无法休息。", "DC")))
                .containsExactly(1L);
        assertThat(ids(similarTo("星光KTV深夜扰民", "星光KTV每天放歌到后半夜两点多，吵得人无法休息。", "")))
                .as("any district").contains(1L, 2L).doesNotContain(3L);
    }

    @Test
    void theMoreAlikeRanksFirstAndTheCaseItselfIsNeverItsOwnRepeat() {
        open(1, "DC", NOW, "和谐小区水质发黄", "和谐小区水龙头放出来的水黄黄的，有锈味。");
        open(2, "DC", NOW, "和谐小区自来水浑浊", "和谐小区自来水发黄浑浊，有铁锈味，烧开后有沉淀。");
        String text = OpenCaseIndexing.text("和谐小区自来水浑浊", "和谐小区自来水发黄浑浊，有铁锈味。");
        var matches = index.similar(text, "DC", NOW.minusSeconds(60), NOW.plusSeconds(60), 2L, MIN_SCORE, 50);
        assertThat(ids(matches)).containsExactly(1L);
        assertThat(ids(similarTo("和谐小区自来水浑浊", "和谐小区自来水发黄浑浊，有铁锈味。", "DC"))).containsExactly(2L, 1L);
    }

    @Test
    void aFinishedCaseLeavesTheIndexAndAChangedTextReplacesTheOldOne() {
        open(1, "DC", NOW, "井盖缺失", "人民路第二小学门口的井盖不见了，有个大洞。");
        index.remove(1);
        assertThat(ids(similarTo("井盖缺失", "人民路第二小学门口的井盖不见了，有个大洞。", "DC"))).isEmpty();
        open(2, "DC", NOW, "井盖缺失", "人民路第二小学门口的井盖不见了，有个大洞。");
        open(2, "DC", NOW, "电梯故障", "阳光城小区8栋电梯经常困人。");
        assertThat(ids(similarTo("井盖缺失", "人民路第二小学门口的井盖不见了，有个大洞。", "DC"))).isEmpty();
    }

    @Test
    void aSearchSeesEveryWriteMadeSinceThePreviousSearchAndAnUnchangedCaseStaysOnce() {
        String subject = "井盖缺失";
        String content = "人民路第二小学门口的井盖不见了，有个大洞。";
        int before = index.size();
        open(1, "DC", NOW, subject, content);
        assertThat(ids(similarTo(subject, content, "DC"))).containsExactly(1L);
        open(2, "DC", NOW, subject, content + "很危险。");
        open(1, "DC", NOW, subject, content);
        open(3, "DC", NOW, "电梯故障", "阳光城小区8栋电梯经常困人。");
        index.remove(2);
        open(4, "DC", NOW, subject, content);
        assertThat(ids(similarTo(subject, content, "DC"))).containsExactlyInAnyOrder(1L, 4L);
        assertThat(index.size()).isEqualTo(before + 3);
    }

    @Test
    void aCaseReadBackWithoutItsFractionOfASecondIsTheCaseAlreadyIndexed() {
        var atCommit = new OpenCaseIndex.OpenCase(1, "8890-20261120-000001", "井盖缺失", "DC",
                NOW.plusNanos(123_456_789), "井盖缺失。人民路的井盖不见了。");
        var fromTheTable = new OpenCaseIndex.OpenCase(1, "8890-20261120-000001", "井盖缺失", "DC",
                NOW, "井盖缺失。人民路的井盖不见了。");
        assertThat(fromTheTable).isEqualTo(atCommit);
        assertThat(atCommit.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aTextWithoutWordsFindsNothing() {
        assertThat(similarTo("", "！？。", "DC")).isEmpty();
    }
}
