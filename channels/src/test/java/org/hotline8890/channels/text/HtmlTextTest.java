package org.hotline8890.channels.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsAndLineBreaksStayLinesAndEntitiesAreDecoded() {
        String html = "<div>您好：</div><p>路灯&nbsp;坏了&lt;一周&gt;，&quot;很危险&quot; &amp; 没人管&#65281;</p>"
                + "<p>地址：和平街<br/>3 号</p>";

        assertThat(HtmlText.toPlainText(html))
                .isEqualTo("您好：\n\n路灯 坏了<一周>，\"很危险\" & 没人管！\n\n地址：和平街\n3 号");
    }

    @Test
    void stylesScriptsAndTheHeadAreNotText() {
        String html = "<html><head><title>Mail</title><style>p { color: red }</style></head>"
                + "<body><script>alert(1)</script><p>噪音扰民</p></body></html>";

        assertThat(HtmlText.toPlainText(html)).isEqualTo("噪音扰民");
    }

    @Test
    void listItemsAndTableRowsBecomeLines() {
        String html = "<ul><li>第一点</li><li>第二点</li></ul><table><tr><td>时间</td><td>晚上</td></tr>"
                + "<tr><td>地点</td><td>幸福路</td></tr></table>";

        assertThat(HtmlText.toPlainText(html)).isEqualTo("- 第一点\n- 第二点\n\n时间 晚上\n地点 幸福路");
    }

    @Test
    void runsOfSpacesAndSourceLineBreaksCollapseAsABrowserShowsThem() {
        assertThat(HtmlText.toPlainText("<p>楼下   工地\n   夜间施工</p>")).isEqualTo("楼下 工地 夜间施工");
    }

    @Test
    void mastodonHtmlBecomesPlainTextWithItsLineBreaksAndEntities() {
        String html = "<p><span class=\"h-card\"><a href=\"https://gov.example/@hotline\" class=\"u-url mention\">"
                + "@<span>hotline</span></a></span> 路口红绿灯&lt;坏了&gt; &amp; 没人管</p><p>第二段<br />第三行</p>";

        assertThat(HtmlText.toPlainText(html)).isEqualTo("@hotline 路口红绿灯<坏了> & 没人管\n\n第二段\n第三行");
    }
}
