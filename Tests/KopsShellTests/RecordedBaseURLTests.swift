@testable import KopsShell
import Testing

/// probe38 P38-3: the recorder writes the base URL kops used as the header shows it, and nothing else: not a base URL
/// without a scheme, not inside a longer host, port or scheme.
@Suite struct RecordedBaseURLTests {
    @Test(arguments: [
        // The demo's base URL, as requests and errors name it.
        ("http://127.0.0.1:4123", "GET http://127.0.0.1:4123/platform/v1/x failed", "GET http://kapso-demo/platform/v1/x failed"),
        ("http://127.0.0.1:4123", "at 'http://127.0.0.1:4123'.", "at 'http://kapso-demo'."),
        // Another port that starts the same, and another host that ends the same, stay as they are.
        ("http://127.0.0.1:4123", "http://127.0.0.1:41234/x", "http://127.0.0.1:41234/x"),
        ("http://127.0.0.1:4123", "http://127.0.0.1:4123.example/x", "http://127.0.0.1:4123.example/x"),
        ("http://a.test", "see xhttp://a.test/", "see xhttp://a.test/"),
        // A base URL without a scheme reached nothing: the user's text is left as typed.
        ("api.kapso.ai", "has no scheme; add https://, e.g. https://api.kapso.ai", "has no scheme; add https://, e.g. https://api.kapso.ai"),
    ])
    func onlyTheWholeBaseURLIsReplaced(live: String, text: String, expected: String) {
        #expect(TranscriptRecorder.replacingBaseURL(live, with: "http://kapso-demo", in: text) == expected)
    }

    /// A base URL kops refuses gives no API kind: the header does not say a "Kapso API" was reached.
    @Test(arguments: [("api.kapso.ai", nil), ("htps://api.kapso.ai", nil), ("https://api.kapso.ai", .kapso), ("http://127.0.0.1:9", .simulator)]
        as [(String, TranscriptHeader.APIKind?)])
    func anUnusableBaseURLHasNoKind(base: String, kind: TranscriptHeader.APIKind?) {
        #expect(TranscriptHeader.APIKind.of(usableBaseURL: base) == kind)
    }
}

extension RecordedBaseURLTests {
    /// A base URL with another scheme than http or https reached nothing either: its error is recorded as shown.
    @Test func aBaseURLOfAnotherSchemeIsLeftAsTyped() {
        let text = "the API base URL 'htps://api.kapso.ai' (env KAPSO_API_BASE_URL) has the scheme 'htps://'"
        #expect(TranscriptRecorder.replacingBaseURL("htps://api.kapso.ai", with: "http://api.kapso.ai", in: text) == text)
    }
}
