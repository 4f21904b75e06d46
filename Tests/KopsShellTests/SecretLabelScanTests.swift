@testable import KopsShell
import KopsTestSupport
import Testing

/// The label test's JSON member fast path (`SecretLabels.jsonMemberAnswer`, docs/performance.md, "Session 37") answers
/// as the walk back it stands in front of, at every position of random texts of labels, JSON punctuation, separators,
/// quotes, backslashes and escapes.
@Suite struct SecretLabelScanTests {
    @Test func theJSONMemberAnswerIsTheWalksAnswer() {
        let pieces = [
            "\"", "\":\"", "\",\"", "{\"", "[\"", ":", ",", "{", "[", "=", " ", "\t", "'", "\\", "\\\"", "%", "%3A", "%3a", "%3D",
            "%22", "%5C", "%5c", "%20", "%27", "%2", "%3", "5", "c", "2", "key", "KEY", "api_key", "Token", "secret", "PASSWORD",
            "pwd", "credentials", "monkey", "webhook_id", "id", "_at", "3f9a8b7c6d5e4f3a", "phone_number_id", "é",
            // Members whose value the fast path answers true for, in JSON's own layout.
            "\"api_key\":\"", "token\":\"", "\"Secret\":\"", "passwd\":\"",
        ]
        var generator = SplitMix(seed: 3703)
        var (fastTrue, fastFalse, walked) = (0, 0, 0)
        for _ in 0..<20_000 {
            let text = (0..<(1 + generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                for start in 0...bytes.count {
                    let walkedBack = SecretLabels.mayLabelWalkingBack(bytes, word: start)
                    switch SecretLabels.jsonMemberAnswer(bytes, word: start) {
                    case true?: fastTrue += 1
                    case false?: fastFalse += 1
                    case nil: walked += 1
                    }
                    #expect(SecretLabels.mayLabel(bytes, word: start) == walkedBack, "\(text.debugDescription) at \(start)")
                }
            }
        }
        #expect(fastTrue > 1_000 && fastFalse > 1_000 && walked > 1_000, "\(fastTrue) true, \(fastFalse) false, \(walked) walked")
    }
}
