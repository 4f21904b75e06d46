import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `Redactor.learn(from:source:)`, the client hook's learning, skips an answer read from the same bytes the same way as
/// one it learned (`AnswerSource`, one `memcmp`) instead of comparing trees (docs/performance.md, "Session 50"). Checked
/// against the reading it stands for: every value remembered as a walk of every answer meets it.
@Suite struct AnswerSourceLearningTests {
    /// Random sessions of answers, many the bytes of an earlier one again (in other storage), each learned by the hook
    /// and often again by the shell as the command's result, with secrets typed and taken out between: the known
    /// secrets, in order, are the value-by-value reading's. Skipped answers and learned ones are both common.
    @Test func learningBySourceIsTheValueByValueReading() throws {
        var generator = SplitMix(seed: 5001)
        var (skipped, learned) = (0, 0)
        for _ in 0..<2_000 {
            var bySource = Redactor()
            var reference = Redactor()
            var bodies: [[UInt8]] = []
            for _ in 0..<(1 + generator.next() % 12) {
                var body = Array(RedactorLearningTests.json(&generator, depth: 0).serialized().utf8)
                if !bodies.isEmpty, generator.next() % 3 != 0 { body = Array(bodies[Int(generator.next() % UInt64(bodies.count))]) }
                let json = try JSONValue.parse(body)
                let source = AnswerSource(body: body, reading: .whole)
                let (known, walked) = (bySource.knownSecrets.count, bySource.learnedSources.contains(source))
                bySource.learn(from: json, source: source)
                RedactorLearningTests.learnedValueByValue(&reference, json)
                if walked { skipped += 1 } else if bySource.knownSecrets.count > known { learned += 1 }
                if generator.next() % 2 == 0 {
                    bySource.learn(from: json)
                    RedactorLearningTests.learnedValueByValue(&reference, json)
                }
                switch generator.next() % 10 {
                case 0:
                    let line = "set hook whsec_typed_\(generator.next() % 1000)000"
                    bySource.learn(secretsTypedIn: line)
                    reference.learn(secretsTypedIn: line)
                case 1:
                    // A secret taken out (as `revealing` does): the answers that taught it must teach it again.
                    if let first = bySource.knownSecrets.first {
                        bySource = bySource.revealing(first.revealed)
                        reference = reference.revealing(first.revealed)
                    }
                default: break
                }
                bodies.append(body)
            }
            #expect(bySource.knownSecrets.map(\.revealed) == reference.knownSecrets.map(\.revealed))
        }
        #expect(skipped > 2_000 && learned > 500, "skipped \(skipped), learned \(learned)")
    }

    static let page = #"{"data":[{"id":"w1","secret_key":"whsec_canary_5050","url":"https://a.test/x"}],"meta":{"page":1}}"#

    /// The same bytes read another way are another source: a list cut down to its ids (`webhooks get`'s look-up) holds
    /// no secret, and the whole page read after it must still teach the webhook's secret (a canary: it is masked).
    @Test func theSameBytesReadAnotherWayAreLearned() throws {
        let body = Array(Self.page.utf8)
        let (cut, _) = try #require(JSONValue.scanList(body, keeping: ["id"]))
        var redactor = Redactor()
        redactor.learn(from: cut, source: AnswerSource(body: body, reading: .kept(keys: ["id"], located: [])))
        #expect(redactor.knownSecrets.isEmpty)
        redactor.learn(from: try JSONValue.parse(body), source: AnswerSource(body: body, reading: .whole))
        #expect(redactor.knownSecrets.map(\.revealed) == ["whsec_canary_5050"])
        #expect(redactor.redact("secret whsec_canary_5050") == "secret <redacted>")
    }

    /// A secret taken out since (`revealing`, or the list emptied) is learned again from the same bytes: the skip holds
    /// only while every value the answer would add is known.
    @Test func aSecretTakenOutIsLearnedAgainFromTheSameBytes() throws {
        let body = Array(Self.page.utf8)
        let source = AnswerSource(body: body, reading: .whole)
        var redactor = Redactor()
        let answer = try JSONValue.parse(body)
        redactor.learn(from: answer, source: source)
        // The shell's learning of the command's result, the answer itself, after the secret was taken out.
        var result = redactor.revealing("whsec_canary_5050")
        result.learn(from: answer)
        #expect(result.knownSecrets.map(\.revealed) == ["whsec_canary_5050"])
        var copy = redactor.revealing("whsec_canary_5050")
        #expect(copy.knownSecrets.isEmpty)
        copy.learn(from: try JSONValue.parse(body), source: AnswerSource(body: Array(body), reading: .whole))
        #expect(copy.knownSecrets.map(\.revealed) == ["whsec_canary_5050"])
        redactor.knownSecrets.removeAll()
        redactor.learn(from: try JSONValue.parse(body), source: source)
        #expect(redactor.redact("said whsec_canary_5050") == "said <redacted>")
    }

    /// Sources are equal for equal bytes read the same way, whatever their storage; a byte, the length or the reading
    /// differing makes them differ.
    @Test func sourcesAreEqualForTheSameBytesReadTheSameWay() {
        let body = Array(Self.page.utf8)
        var changed = body
        changed[changed.count / 2] ^= 1
        let whole = AnswerSource(body: body, reading: .whole)
        #expect(whole == AnswerSource(body: Array(Self.page.utf8), reading: .whole))
        #expect(whole != AnswerSource(body: changed, reading: .whole))
        #expect(whole != AnswerSource(body: Array(body.dropLast()), reading: .whole))
        #expect(whole != AnswerSource(body: body, reading: .list))
        #expect(AnswerSource(body: body, reading: .kept(keys: ["id"], located: []))
            != AnswerSource(body: body, reading: .kept(keys: ["id", "url"], located: [])))
        #expect(AnswerSource(body: [], reading: .whole) == AnswerSource(body: [], reading: .whole))
    }
}
