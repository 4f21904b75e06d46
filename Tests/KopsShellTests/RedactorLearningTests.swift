import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `Redactor.learn(from:)` collects a response's secrets and adds them in one change of `knownSecrets`, and does not
/// walk again the JSON it learned last (docs/performance.md, "Session 42"). Both are checked against the reading they
/// replaced: each value remembered as the walk met it, every JSON walked every time.
@Suite struct RedactorLearningTests {
    static let keys = [
        "secret_key", "api_key", "token", "clientSecret", "url", "callback", "name", "id", "events", "headers", "data",
        "meta", "Authorization", "X-Env", "x-api-key", "note",
    ]
    static let values = [
        "whsec_demo_123", "whsec_demo_123", "sk_live_abcdef12", "abc", "whsec_…23", "whsec_...", "<redacted>",
        "https://user:pa55word99@hooks.example.test/in", "https://hooks.example.test/in?code=AZFUNC%2BKEY1xyz",
        "https://h.example.test/x?token=tok_987654321&a=b", "https://h.example.test/x", "Bearer eyJhbGciOi.J9abc",
        "prod", "acme-demo", "kapso_live_0123456789abcdef", "Sales Line", "0123456789abcdef0123456789abcdef", "•••",
    ]

    static func json(_ generator: inout SplitMix, depth: Int) -> JSONValue {
        func pick(_ list: [String]) -> String { list[Int(generator.next() % UInt64(list.count))] }
        switch generator.next() % (depth > 2 ? 2 : 5) {
        case 0: return .string(pick(values))
        case 1: return generator.next() % 3 == 0 ? .null : .number("42")
        case 2:
            return .array((0..<(generator.next() % 4)).map { _ in json(&generator, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<(generator.next() % 7) {
                let key = pick(keys)
                object[key] = key == "headers" && generator.next() % 2 == 0
                    ? .object(JSONObject((0..<(generator.next() % 3)).map { _ in .init(key: pick(keys), value: .string(pick(values))) }))
                    : json(&generator, depth: depth + 1)
            }
            return .object(object)
        }
    }

    /// The reading `learn(from:)` replaced: each value remembered where the walk meets it.
    static func learnedValueByValue(_ redactor: inout Redactor, _ json: JSONValue) {
        switch json {
        case .array(let items):
            for item in items { learnedValueByValue(&redactor, item) }
        case .object(let object):
            for entry in object.entries {
                switch entry.value {
                case .string(let value) where Redactor.isSecretField(entry.key): redactor.remember(value)
                case .string(let value):
                    var found: [String] = []
                    _ = Redactor.maskURLCredentialsByCharacter(value) { found.append($0) }
                    for value in found where value != "<redacted>" {
                        redactor.remember(value)
                        if let decoded = value.removingPercentEncoding, decoded != value { redactor.remember(decoded) }
                    }
                case .object where entry.key == "headers" && Redactor.isWebhook(object):
                    for value in Redactor.secretHeaderValues(entry.value) { redactor.remember(value) }
                case .array, .object: learnedValueByValue(&redactor, entry.value)
                default: break
                }
            }
        default:
            break
        }
    }

    /// A session of responses, some answered twice (the received page, then the command's result that is that page):
    /// the known secrets, in order, are the value-by-value reading's. Learning is common, and so is a value refused.
    @Test func learningIsTheValueByValueReading() {
        var generator = SplitMix(seed: 4201)
        var (learned, refused) = (0, 0)
        for _ in 0..<2_000 {
            let initial = (0..<(generator.next() % 3)).map { _ in Secret(Self.values[Int(generator.next() % UInt64(Self.values.count))]) }
            var batched = Redactor(knownSecrets: initial)
            var reference = Redactor(knownSecrets: initial)
            var earlier: [JSONValue] = []
            for _ in 0..<(1 + generator.next() % 12) {
                // Often one learned before (the history of learned JSONs), sometimes the same content parsed again.
                var document = Self.json(&generator, depth: 0)
                if !earlier.isEmpty, generator.next() % 2 == 0 {
                    document = earlier[Int(generator.next() % UInt64(earlier.count))]
                    if generator.next() % 2 == 0, let again = try? JSONValue.parse(document.serialized()) { document = again }
                }
                let before = reference.knownSecrets.count
                batched.learn(from: document)
                Self.learnedValueByValue(&reference, document)
                if generator.next() % 2 == 0 {
                    batched.learn(from: document)
                    Self.learnedValueByValue(&reference, document)
                }
                if reference.knownSecrets.count > before { learned += 1 }
                if generator.next() % 8 == 0 {
                    // A secret typed between two answers: the history is forgotten, nothing is lost.
                    let line = "set hook whsec_typed_\(generator.next() % 1000)000"
                    batched.learn(secretsTypedIn: line)
                    reference.learn(secretsTypedIn: line)
                }
                earlier.append(document)
            }
            #expect(batched.knownSecrets.map(\.revealed) == reference.knownSecrets.map(\.revealed))
            var all: [String] = []
            for document in earlier { Redactor.collectSecrets(in: document, into: &all) }
            if all.contains(where: { !Redactor.isRemembered($0) }) { refused += 1 }
        }
        #expect(learned > 500 && refused > 200, "learned \(learned), refused \(refused)")
    }

    /// The JSON learned last is walked again once a secret has been taken out since: the skip holds only while every
    /// value the walk would add is known. A redactor that kept the JSON past `revealing`, or past a secret removed,
    /// would leave that secret unmasked in the next result.
    @Test func aSecretTakenOutIsLearnedAgainFromTheSameJSON() {
        let page: JSONValue = .object([
            "data": .array([.object(["id": .string("w1"), "secret_key": .string("whsec_canary_4242"), "url": .string("https://a.test/x")])])
        ])
        var redactor = Redactor()
        redactor.learn(from: page)
        #expect(redactor.knownSecrets.map(\.revealed) == ["whsec_canary_4242"])
        var copy = redactor.revealing("whsec_canary_4242")
        #expect(copy.knownSecrets.isEmpty)
        copy.learn(from: page)
        #expect(copy.knownSecrets.map(\.revealed) == ["whsec_canary_4242"])
        redactor.knownSecrets.removeAll()
        redactor.learn(from: page)
        #expect(redactor.knownSecrets.map(\.revealed) == ["whsec_canary_4242"])
        #expect(redactor.redact("said whsec_canary_4242") == "said <redacted>")
    }

    /// A JSON of the same content in other storage, learned after the first, teaches nothing new and loses nothing;
    /// a secret typed between two answers of the same page keeps both.
    @Test func theSamePageAgainKeepsEverySecret() throws {
        let text = #"{"data":[{"id":"w1","secret_key":"whsec_canary_4242","headers":{"Authorization":"Bearer tok_canary_777777"},"url":"https://u:pw_canary_99@a.test/x"}]}"#
        let first = try JSONValue.parse(Array(text.utf8))
        let second = try JSONValue.parse(Array(text.utf8))
        var redactor = Redactor()
        redactor.learn(from: first)
        let known = redactor.knownSecrets.map(\.revealed)
        #expect(known.contains("whsec_canary_4242") && known.contains("Bearer tok_canary_777777") && known.contains("pw_canary_99"))
        redactor.learn(from: second)
        #expect(redactor.knownSecrets.map(\.revealed) == known)
        redactor.learn(secretsTypedIn: "set hook whsec_typed_31337")
        redactor.learn(from: first)
        #expect(redactor.knownSecrets.map(\.revealed) == known + ["whsec_typed_31337"])
    }

    /// `secretHeaderValues` answers an empty object and a value that is no object with nothing, as the copy and the
    /// closure did, and a headers object with its secret values.
    @Test func headerValuesOfNoHeadersAreNone() {
        #expect(Redactor.secretHeaderValues(.object([:])).isEmpty)
        #expect(Redactor.secretHeaderValues(.string("Authorization")).isEmpty)
        #expect(Redactor.secretHeaderValues(.null).isEmpty)
        let headers: JSONValue = .object(["X-Env": .string("prod"), "Authorization": .string("Bearer abc"), "X-Api-Key": .number("1")])
        #expect(Redactor.secretHeaderValues(headers) == ["Bearer abc"])
    }
}
