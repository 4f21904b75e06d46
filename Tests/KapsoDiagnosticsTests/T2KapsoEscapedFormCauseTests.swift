import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import Testing

/// tester64 T2: a Kapso `X-Webhook-Signature` checked against a body re-serialised with raw UTF-8, whose signature
/// matches the escaped form, was told "Meta signs its escaped form": Meta signs `X-Hub-Signature-256`; Kapso signs with
/// the webhook's own secret (kapso-api.md §10.1). The cause names Meta only for Meta's header.
@Suite struct T2KapsoEscapedFormCauseTests {
    static let unescaped = Array(#"{"text":"mañana","url":"https://x.test/a"}"#.utf8)

    /// A signature that matches only a form holding `\u00f1`: the escaped one.
    static func cause(meta: Bool) -> String {
        SignatureCheck.cause(body: unescaped, secret: Secret("whsec_case_t64_0001"), meta: meta) { bytes, _ in
            String(decoding: bytes, as: UTF8.self).contains("\\u00f1")
        }
    }

    @Test func kapsosHeaderDoesNotNameMeta() {
        let cause = Self.cause(meta: false)
        #expect(cause.hasPrefix("the body was re-serialised; the signature matches its escaped form"), "\(cause)")
        #expect(!cause.contains("Meta"), "\(cause)")
    }

    @Test func metasHeaderStillNamesMeta() {
        #expect(Self.cause(meta: true).hasPrefix("the body was re-serialised; Meta signs its escaped form"), "\(Self.cause(meta: true))")
    }
}
