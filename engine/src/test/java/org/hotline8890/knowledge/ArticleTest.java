package org.hotline8890.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The article's own rules, without Spring or a database. */
class ArticleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Article.Content content(LocalDate from, LocalDate until) {
        return new Article.Content("社保怎么转移？", "到转入地申请。", "LABOUR.SOCIAL", from, until, "国办发〔2009〕66号");
    }

    @Test
    void aProposalIsNotValidUntilApprovedAndThenOnlyWithinItsDates() {
        Article article = Article.propose(content(TODAY, TODAY.plusDays(10)), 7L, null, "dept-labour", NOW);
        assertThat(article.isValidOn(TODAY)).isFalse();

        article.approve("dispatcher", null, NOW);

        assertThat(article.isValidOn(TODAY.minusDays(1))).isFalse();
        assertThat(article.isValidOn(TODAY)).isTrue();
        assertThat(article.isValidOn(TODAY.plusDays(10))).as("valid through its last day").isTrue();
        assertThat(article.isValidOn(TODAY.plusDays(11))).isFalse();
    }

    @Test
    void onlyAProposalCanBeApprovedOrRejectedAndARejectionNeedsAReason() {
        Article published = Article.publish(content(TODAY, null), 1L, null, "dispatcher", NOW);
        assertThatThrownBy(() -> published.approve("supervisor", null, NOW))
                .isInstanceOf(ArticleStateException.class).hasFieldOrPropertyWithValue("code", "article.notProposed");

        Article proposal = Article.propose(content(TODAY, null), 7L, null, "dept-labour", NOW);
        assertThatThrownBy(() -> proposal.reject("dispatcher", " ", NOW))
                .isInstanceOf(InvalidArticleException.class).hasFieldOrPropertyWithValue("field", "reason");
    }

    @Test
    void anArticleCannotEndBeforeItStartsOrLackItsQuestion() {
        assertThatThrownBy(() -> Article.propose(content(TODAY, TODAY.minusDays(1)), 7L, null, "dept-labour", NOW))
                .isInstanceOf(InvalidArticleException.class).hasFieldOrPropertyWithValue("field", "validUntil");
        assertThatThrownBy(() -> Article.propose(new Article.Content(" ", "答", null, TODAY, null, null), 7L, null, "x", NOW))
                .isInstanceOf(InvalidArticleException.class).hasFieldOrPropertyWithValue("field", "question");
    }

    @Test
    void onlyAnApprovedArticlePastItsDateExpiresAndAnExpiredOneCannotBeCited() {
        Article article = Article.publish(content(TODAY.minusDays(30), TODAY.minusDays(1)), 1L, null, "dispatcher", NOW);
        Article current = Article.publish(content(TODAY.minusDays(30), null), 1L, null, "dispatcher", NOW);

        assertThat(current.expireIfPast(TODAY, NOW)).isFalse();
        assertThat(article.expireIfPast(TODAY, NOW)).isTrue();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.EXPIRED);
        assertThat(article.expireIfPast(TODAY, NOW)).as("expires once").isFalse();
        assertThatThrownBy(() -> article.requireCitable(TODAY))
                .isInstanceOf(InvalidArticleException.class).hasFieldOrPropertyWithValue("field", "articleId");
        current.requireCitable(TODAY);
    }

    @Test
    void aRetiredArticleCannotBeRetiredAgain() {
        Article article = Article.publish(content(TODAY, null), 1L, null, "dispatcher", NOW);
        article.retire("dispatcher", "政策调整", NOW);
        assertThatThrownBy(() -> article.retire("dispatcher", null, NOW))
                .isInstanceOf(ArticleStateException.class).hasFieldOrPropertyWithValue("code", "article.notActive");
    }
}
