import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// A list item's JSON is serialized once and its text tested; the text printed is always what redacting the
/// tree and serializing it gives.
@Suite struct RedactorJSONTextTests {
    static let keys = [
        "id", "url", "body", "token", "TOKEN", "secret_key", "Api_Key", "headers", "events", "cookie", "x-api-key",
        "API_\u{212A}EY", "page_token", "authorization", "se\u{301}cret", "ke\"y", "na\\me",
    ]
    static let pieces = [
        "plain", "https://h.test/x", "https://u:p@h.test", "?token=1", "Authorization: Bearer x", "\"", "\\", "\n",
        "é", "\u{301}", "whsec_known_123", "cookie:", "\u{7F}", ":", " ", "://", "@", "Set-Cookie: a", "\u{212A}",
    ]

    fileprivate static func value(_ generator: inout SplitMix, depth: Int) -> JSONValue {
        switch generator.next() % (depth > 2 ? 3 : 5) {
        case 0: return .number("12")
        case 1, 2:
            let count = generator.next() % 4
            return .string((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        case 3: return .array((0..<(generator.next() % 3)).map { _ in value(&generator, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<(generator.next() % 4) {
                object[keys[Int(generator.next() % UInt64(keys.count))]] = value(&generator, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test func theTextIsAlwaysTheRedactedTreesText() {
        let redactor = Redactor(knownSecrets: [Secret("whsec_known_123")])
        var generator = SplitMix(seed: 41)
        var unchanged = 0
        for _ in 0..<4_000 {
            let json = Self.value(&generator, depth: 0)
            for pretty in [false, true] {
                let text = json.serialized(pretty: pretty, indent: 2)
                if redactor.leavesUnchanged(serialized: text) {
                    unchanged += 1
                    #expect(!redactor.needsRedaction(json), "\(text)")
                }
                #expect(redactor.serialized(json, pretty: pretty, indent: 2)
                    == redactor.redact(json).serialized(pretty: pretty, indent: 2))
            }
        }
        #expect(unchanged > 1_000)
    }

    @Test(arguments: [
        #"{"id":"1","url":"https://hooks.acme-demo.test/kapso"}"#, #"{"n":12,"list":[],"body":"héllo"}"#,
    ])
    func plainItemsAreTakenAsTheyAre(text: String) throws {
        let json = try JSONValue.parse(Array(text.utf8))
        #expect(Redactor(knownSecrets: [Secret("whsec_known_123")]).leavesUnchanged(serialized: json.serialized()))
    }

    @Test(arguments: [
        #"{"secret_key":"whsec_x"}"#, #"{"a":"whsec_known_123"}"#, #"{"a":"x\u0001"}"#, #"{"API_\u212AEY":"v"}"#,
        #"{"url":"https://u:p@h.test","headers":{"A":"b"}}"#, #"{"a":"Authorization: Bearer t"}"#,
    ])
    func itemsThatMayHoldSecretsAreRedactedAsTrees(text: String) throws {
        let json = try JSONValue.parse(Array(text.utf8))
        let redactor = Redactor(knownSecrets: [Secret("whsec_known_123")])
        #expect(!redactor.leavesUnchanged(serialized: json.serialized()))
        #expect(redactor.serialized(json) == redactor.redact(json).serialized())
    }
}
