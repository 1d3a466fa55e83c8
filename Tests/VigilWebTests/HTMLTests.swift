import Testing
@testable import VigilWeb

@Suite struct HTMLTests {
    @Test func textAndAttributesAreEscaped() {
        let title = "<script>alert('x')</script> & \"quoted\""
        let html = HTML.element("a", ["href": "https://example.org/?a=1&b=\"2\"", "title": title, "rel": nil]) {
            title
        }
        #expect(html.markup == """
            <a href="https://example.org/?a=1&amp;b=&quot;2&quot;" title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;">\
            &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</a>
            """)
    }

    @Test func conditionalsAndLoopsBuildChildren() {
        let items = ["one", "two"]
        let showFooter = false
        let html = HTML.element("ul") {
            for item in items {
                HTML.element("li") { item }
            }
            if showFooter {
                HTML.element("li") { "footer" }
            }
        }
        #expect(html.markup == "<ul><li>one</li><li>two</li></ul>")
    }
}
