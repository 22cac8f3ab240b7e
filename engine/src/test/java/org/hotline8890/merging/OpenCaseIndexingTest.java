package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class OpenCaseIndexingTest {

    @Autowired CaseRepository cases;
    @Autowired CitizenDesk desk;

    @Test
    void aRebuildReadsEveryOpenCaseAPageAtATimeDropsTheClosedOnesAndKeepsTheOnesMadeSinceItBegan() throws Exception {
        for (int i = 0; i < 5; i++) {
            desk.submit(new CaseRequest(CaseType.COMPLAINT, "ENV.NOISE", null, "DC", null, "重建索引 " + i,
                    "夜间施工噪音第" + i + "次", "李先生", "13900027" + (100 + i), null, false, false, true, null),
                    UUID.randomUUID().toString());
        }
        // Two at a time: the open cases take several pages.
        OpenCaseIndexing indexing = new OpenCaseIndexing(cases, 2);
        indexing.build();
        OpenCaseIndex index = indexing.index();
        index.put(new OpenCaseIndex.OpenCase(0, "8890-closed", "已办结", "DC", Instant.now(), "已办结的案件"));
        index.put(new OpenCaseIndex.OpenCase(Long.MAX_VALUE, "8890-new", "新案件", "DC", Instant.now(), "重建开始后受理"));

        indexing.rebuild();

        Set<Long> open = cases.findAll().stream().filter(c -> !c.getStatus().isFinal())
                .map(HotlineCase::getId).collect(Collectors.toSet());
        assertThat(open).hasSizeGreaterThanOrEqualTo(5);
        assertThat(index.all().stream().map(OpenCaseIndex.Indexed::id).collect(Collectors.toSet()))
                .containsAll(open).contains(Long.MAX_VALUE).doesNotContain(0L).hasSize(open.size() + 1);
        index.close();
    }
}
