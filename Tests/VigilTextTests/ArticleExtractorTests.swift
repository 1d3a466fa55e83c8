import Foundation
import Testing
import VigilText

private let extractor = ArticleExtractor()

/// A blog post as themes write them: a cookie notice, the site's header and
/// navigation, the post in an <article> with share buttons and related posts in
/// it, a sidebar (with a teaser <article> of its own), comments and a footer.
private let blogPage = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Why the Lantern maintainers are wrong | Quillmark Notes</title>
<meta property="og:site_name" content="Quillmark Notes">
<meta name="author" content="Rowan Pike">
<meta property="article:published_time" content="2024-05-02T09:30:00+02:00">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<script>var teaser = "<article><p>not this</p></article>";</script>
</head>
<body class="single-post">
<div id="cookie-banner">We use cookies. <a href="/privacy">Privacy</a> <button>OK</button></div>
<header class="site-header"><a href="/" class="logo">Quillmark Notes</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav></header>
<div class="layout">
<article class="post">
<header class="entry-header"><h1>Why the Lantern maintainers are wrong</h1>
<p class="byline">By <a rel="author" href="/authors/rowan">Rowan Pike</a> on <time datetime="2024-05-02T07:30:00Z">2 May</time></p></header>
<p>Dana Whitfield closed my pull request &mdash; again. Read <a href="../04/first-attempt.html#details">my first
attempt</a> and <a href="https://github.com/lantern/lantern/pull/42">the pull request</a>.</p>
<p>She calls it &ldquo;review&rdquo;. I call it gatekeeping.</p>
<div class="shareButtons"><a href="https://social.example.net/share?u=1">Share</a></div>
<section class="related-posts"><h2>Related posts</h2><ul><li><a href="/2023/older.html">Older</a></li></ul></section>
</article>
<aside class="sidebar"><article><h2>Earlier</h2><p>A teaser.</p></article><a href="/subscribe">Subscribe</a></aside>
</div>
<section id="comments"><h2>3 comments</h2><p>Great post!</p>
<form action="/comment"><textarea>Write here</textarea></form></section>
<footer class="site-footer"><p>&copy; 2024 Quillmark Notes</p></footer>
</body></html>
"""

@Test func aBlogPostKeepsOnlyItsArticle() {
    let article = extractor.article(fromHTML: blogPage, pageURL: "https://quillmark.example.org/2024/05/lantern.html")
    #expect(article.text == """
    Why the Lantern maintainers are wrong

    By Rowan Pike on 2 May

    Dana Whitfield closed my pull request \u{2014} again. Read my first attempt and the pull request.

    She calls it \u{201C}review\u{201D}. I call it gatekeeping.
    """)
    #expect(article.title == "Why the Lantern maintainers are wrong")
    #expect(article.author == "Rowan Pike")
    #expect(article.publishedAt == Date(timeIntervalSince1970: 1_714_635_000))
    #expect(article.links == [
        "https://quillmark.example.org/authors/rowan",
        "https://quillmark.example.org/2024/04/first-attempt.html",
        "https://github.com/lantern/lantern/pull/42",
    ])
}

@Test func bytesAndStringsGiveTheSameArticle() {
    let url = "https://quillmark.example.org/2024/05/lantern.html"
    #expect(extractor.article(fromHTML: Array(blogPage.utf8), pageURL: url)
        == extractor.article(fromHTML: blogPage, pageURL: url))
}

@Test func aPageWithoutAnArticleIsItsBodyWithoutChrome() {
    let page = """
    <html><head><title>Notes on Dana Whitfield</title></head>
    <body>
    <div id="masthead"><h1 class="site-title">Tern Weekly</h1></div>
    <div class="nav-links"><a href="/">Home</a> &middot; <a href="/archive">Archive</a></div>
    <div class="content">
    <h1>Notes on Dana Whitfield</h1>
    <p>Posted <time datetime="2024-06-01">June 1</time> by the editors.</p>
    <p>The review of <a href="/reviews/7">patch seven</a> was fair.</p>
    <ul class="plain"><li><a href="/a">Alpha</a></li><li><a href="/b">Beta</a></li><li><a href="/c">Gamma</a></li></ul>
    <footer>Filed under reviews.</footer>
    </div>
    <div id="sidebar"><p>Popular: <a href="/x">X</a></p></div>
    <div class="siteFooter">Contact us</div>
    </body></html>
    """
    let article = extractor.article(fromHTML: page, pageURL: "https://tern.example.org/notes")
    #expect(article.text == "Notes on Dana Whitfield\n\nPosted June 1 by the editors.\n\nThe review of patch seven was fair.")
    #expect(article.title == "Notes on Dana Whitfield")
    #expect(article.author == nil)
    #expect(article.publishedAt == Date(timeIntervalSince1970: 1_717_200_000))
    #expect(article.links == ["https://tern.example.org/reviews/7"])
}

@Test func severalArticlesAreReadAsAPageAndOneMainAsTheArticle() {
    let listing = """
    <body><header>Tern Weekly</header>
    <article><h2>First</h2><p>One.</p></article><article><h2>Second</h2><p>Two.</p></article>
    <footer>Contact</footer></body>
    """
    #expect(extractor.article(fromHTML: listing, pageURL: "https://tern.example.org/").text
        == "First\n\nOne.\n\nSecond\n\nTwo.")
    let withMain = """
    <body><div role="banner">Tern Weekly</div><main><header><h1>Only this</h1></header><p>Body.</p></main>
    <div>Outside the main part.</div></body>
    """
    let main = extractor.article(fromHTML: withMain, pageURL: "https://tern.example.org/")
    #expect(main.text == "Only this\n\nBody.")
    #expect(main.title == "Only this")
    let withRole = """
    <body><div class="top">Tern Weekly</div><div role="main"><p>The part that matters.</p></div>
    <div>Outside it.</div></body>
    """
    #expect(extractor.article(fromHTML: withRole, pageURL: "https://tern.example.org/").text
        == "The part that matters.")
}

@Test func aPageWrappedInChromeMarkupStillGivesItsText() {
    // Chrome is a small part of a page: a wrapper holding most of the text is not chrome.
    let page = """
    <body><form id="page"><div class="has-sidebar"><p>Dana Whitfield reviewed the patch in a day.</p>
    <div class="sidebar">Links</div></div></form></body>
    """
    #expect(extractor.article(fromHTML: page, pageURL: "https://tern.example.org/").text
        == "Dana Whitfield reviewed the patch in a day.")
}

@Test func hiddenAndLandmarkChromeIsCutInsideAnArticle() {
    let page = """
    <article><p>Kept.</p><div hidden>Hidden.</div><div role="navigation">Pages</div>
    <div id="commentList"><p>A comment.</p></div><p>Also kept.</p><footer>Tags: review</footer></article>
    """
    #expect(extractor.article(fromHTML: page, pageURL: "https://tern.example.org/").text
        == "Kept.\n\nAlso kept.\n\nTags: review")
}

@Test func aPostTaggedWithAChromeWordIsStillTheArticle() {
    // Themes put a post's tags and categories in its classes; "social" here is a topic.
    let page = """
    <body><article class="post tag-social-media category-related-work"><p>Short post.</p></article>
    <div id="comments"><article class="comment"><p>A much longer comment than the post it answers.</p></article>
    <article class="comment"><p>And another long comment that outweighs the post.</p></article></div></body>
    """
    #expect(extractor.article(fromHTML: page, pageURL: "https://tern.example.org/").text == "Short post.")
}

@Test func titlesComeFromOpenGraphThenTheTitleThenTheFirstHeading() {
    let url = "https://tern.example.org/post"
    let openGraph = #"<meta property="og:title" content="The &quot;real&quot; title | Tern"><title>Other</title>"#
    #expect(extractor.article(fromHTML: openGraph, pageURL: url).title == "The \"real\" title | Tern")
    // The suffix goes only when it is the site's name.
    let suffixed = #"<meta property="og:site_name" content="Tern Weekly"><title>A post - tern weekly</title>"#
    #expect(extractor.article(fromHTML: suffixed, pageURL: url).title == "A post")
    #expect(extractor.article(fromHTML: "<title>A post - Tern</title>", pageURL: url).title == "A post - Tern")
    let siteOnly = #"<meta property="og:site_name" content="Tern"><title>Tern</title>"#
    #expect(extractor.article(fromHTML: siteOnly, pageURL: url).title == "Tern")
    let heading = "<title>  </title><body><nav><h1>Menu</h1></nav><h1>The\n <em>heading</em></h1><h1>Second</h1></body>"
    #expect(extractor.article(fromHTML: heading, pageURL: url).title == "The heading")
    #expect(extractor.article(fromHTML: "<p>No title at all.</p>", pageURL: url).title == nil)
}

@Test func authorsComeFromMetadataThenAnAuthorLink() {
    let url = "https://tern.example.org/post"
    let both = #"<meta property="article:author" content="Second Choice"><meta name="author" content=" Dana  Whitfield ">"#
    #expect(extractor.article(fromHTML: both, pageURL: url).author == "Dana Whitfield")
    #expect(extractor.article(fromHTML: #"<meta property="article:author" content="Ines Alvarado">"#, pageURL: url).author
        == "Ines Alvarado")
    let link = """
    <body><aside><a rel="author" href="/other">Someone Else</a></aside>
    <article><p>By <a rel="external Author" href="/ines">Ines <b>Alvarado</b></a></p></article></body>
    """
    #expect(extractor.article(fromHTML: link, pageURL: url).author == "Ines Alvarado")
    let outside = #"<body><div class="byline"><a rel="author" href="/r">Rowan Pike</a></div><article><p>Text.</p></article></body>"#
    #expect(extractor.article(fromHTML: outside, pageURL: url).author == "Rowan Pike")
    #expect(extractor.article(fromHTML: "<p>Anonymous.</p>", pageURL: url).author == nil)
}

@Test func datesThatDoNotParseAreNil() {
    let url = "https://tern.example.org/post"
    let badMeta = #"<meta property="article:published_time" content="last Tuesday"><article><time datetime="2024-02-29">x</time></article>"#
    #expect(extractor.article(fromHTML: badMeta, pageURL: url).publishedAt == Date(timeIntervalSince1970: 1_709_164_800))
    let badTime = #"<article><p><time datetime="soon">soon</time></p><time>2024-01-01</time></article>"#
    #expect(extractor.article(fromHTML: badTime, pageURL: url).publishedAt == nil)
    #expect(extractor.article(fromHTML: "<p>Undated.</p>", pageURL: url).publishedAt == nil)
}

@Test func entitiesAreDecodedInTextAndAttributes() {
    let page = """
    <title>Caf&eacute; &amp; Code &#8212; notes</title>
    <article><p>Q&amp;A with D&#97;na &copy 2024&nbsp;&hellip;</p>
    <a href="/search?q=1&amp;page=2&notify=1&copy=3">search</a></article>
    """
    let article = extractor.article(fromHTML: page, pageURL: "https://tern.example.org/")
    #expect(article.title == "Café & Code \u{2014} notes")
    #expect(article.text == "Q&A with Dana © 2024 \u{2026}\n\nsearch")
    #expect(article.links == ["https://tern.example.org/search?q=1&page=2&notify=1&copy=3"])
}

@Test func relativeLinksResolveAgainstThePageOrItsBase() {
    let page = """
    <article>
    <a href="next.html">a</a> <a href=" ../up.html ">b</a> <a href="//cdn.example.net/x">c</a>
    <a href="?page=2">d</a> <a href="#top">self</a> <a href="">self</a> <a href="javascript:void(0)">e</a>
    <a href="mailto:dana@example.org">f</a> <a href="next.html#again">dup</a> <a href="HTTP://Example.net/Z">g</a>
    <a href="ht\ttps://example.com/split">h</a> <a>no href</a> <a href="https:no-host">i</a>
    </article>
    """
    let article = extractor.article(fromHTML: page, pageURL: "https://tern.example.org/blog/post.html")
    #expect(article.links == [
        "https://tern.example.org/blog/next.html",
        "https://tern.example.org/up.html",
        "https://cdn.example.net/x",
        "https://tern.example.org/blog/post.html?page=2",
        "HTTP://Example.net/Z",
        "https://example.com/split",
    ])
    let based = #"<head><base href="https://mirror.example.com/archive/"></head><article><a href="p/1">one</a></article>"#
    #expect(extractor.article(fromHTML: based, pageURL: "https://tern.example.org/x").links
        == ["https://mirror.example.com/archive/p/1"])
    let relativeBase = #"<base href="/archive/"><article><a href="p/2">two</a></article>"#
    #expect(extractor.article(fromHTML: relativeBase, pageURL: "https://tern.example.org/x/y").links
        == ["https://tern.example.org/archive/p/2"])
    // Without a usable page address only absolute links can be given.
    let unplaced = #"<article><a href="/local">l</a> <a href="https://example.org/abs">a</a></article>"#
    #expect(extractor.article(fromHTML: unplaced, pageURL: "").links == ["https://example.org/abs"])
}

@Test func aPageWithoutChromeReadsAsTheTextExtractorReadsIt() {
    let body = "<h2>Plain</h2><p>One <b>bold</b> word.</p><blockquote><p>Quoted.</p></blockquote><pre>a\n b</pre><table><tr><td>x</td><td>y</td></tr></table>"
    #expect(extractor.article(fromHTML: "<html><body>\(body)</body></html>", pageURL: "https://tern.example.org/").text
        == HTMLTextExtractor().text(fromHTML: body))
}
