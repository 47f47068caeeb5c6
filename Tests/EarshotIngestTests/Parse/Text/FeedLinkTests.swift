import Testing
@testable import EarshotIngest

/// ``FeedLink`` answers what ``URLResolver`` answers.
struct FeedLinkTests {
    @Test(arguments: [
        "https://shop.example/posts/1?ref=rss&lang=en", "  http://x.example/a b  ", "mailto:a@b.example", "urn:uuid:1", "posts/1",
        "/posts/1", "../up", "", "   ", "1http://x", "h:", "ht!tp://x", "café:x", "x:\u{0301}y", "a+b-c.d:rest", "tag:shop.example,2026:1",
        "HTTPS://UPPER.example/", "\u{3000}https://x.example/\u{3000}", "//host/path", "?q=1", "#frag", "posts/1", "a/b/c-d_e~f.html", "a//b", "a/./b", "a/../b", ".hidden", "a/.x", "x.html",
        "a:", "a1:é", "é/x", "a/b/", "_x/~y", "a%20b",
    ])
    func matchesURLResolver(_ reference: String) {
        for base in [nil, "https://shop.example/dir/", "not a url", "https://shop.example/", "http://a.example/x/y.html", "https://shop.example", "https://Shop.example/", "https://shop.example:8080/", "https://shop.example/a/../b/", "https://shop.example/a//b/", "https://shop.example/a?q=1", "ftp://x.example/",
                     "https:///x/", "http://", "http:/", "https://a.example/caf\u{E9}/", "https://a-b.9.example/x~y/z_w", "http://h/"] as [String?] {
            #expect(FeedLink.resolve(reference, against: base) == URLResolver.resolve(reference, against: base))
        }
    }
}
