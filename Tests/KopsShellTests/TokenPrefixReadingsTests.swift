import KapsoDiagnostics
import KopsTestSupport
import Testing

@testable import KopsShell

/// Every prefix of `TokenPrefix.all` reaches the two typed-line readings of KopsShell in any case: a word with more
/// than three characters after it stays out of the history file and is learnt as a secret (behind the byte test);
/// one with three or fewer is neither.
@Suite struct TokenPrefixReadingsTests {
    @Test(arguments: TokenPrefix.all.map(\.text))
    func aTypedWordWithThePrefixIsKeptOutOfHistoryAndLearnt(prefix: String) {
        for cased in [prefix, prefix.lowercased(), prefix.uppercased()] {
            let word = cased + "q7Zk"
            let line = "verify --body x '\(word)'"
            #expect(!HistoryPolicy.allows(line), "\(line)")
            #expect(Redactor.mayShowSecret(typedLine: line), "\(line)")
            var redactor = Redactor()
            redactor.learn(secretsTypedIn: line)
            #expect(redactor.knownSecrets.map(\.revealed) == [word], "\(line)")

            let short = "verify --body x '\(cased)q7Z'"
            #expect(HistoryPolicy.allows(short), "\(short)")
            var unread = Redactor()
            unread.learn(secretsTypedIn: short)
            #expect(unread.knownSecrets.isEmpty, "\(short)")
        }
    }
}

/// Kapso's agent-run event names start with `kapso_` (kapso-api.md §14) but are words a user types, not keys:
/// `payload sample kapso_agent.run.failed` printed `X-Webhook-Event: <redacted>` and "Kapso names <redacted>" and
/// the line was kept out of history (found by tidy10).
@Suite struct EventNamesAreNotTokensTests {
    @Test(arguments: [
        "payload sample kapso_agent.run.failed",
        "webhooks create --url https://example.com/h --events kapso_agent.run.failed,kapso_agent.run.completed",
    ])
    func eventNamesAreNeitherLearntNorKeptOutOfHistory(line: String) {
        #expect(HistoryPolicy.allows(line), "\(line)")
        var redactor = Redactor()
        redactor.learn(secretsTypedIn: line)
        #expect(redactor.knownSecrets.isEmpty, "\(line)")
    }

    @Test func aKeyBesideAnEventNameIsStillLearnt() {
        let line = "webhooks create --events kapso_agent.run.failed,kapso_live_q7Zk9"
        #expect(!HistoryPolicy.allows(line))
        var redactor = Redactor()
        redactor.learn(secretsTypedIn: line)
        #expect(redactor.knownSecrets.map(\.revealed) == ["kapso_agent.run.failed,kapso_live_q7Zk9"])
    }
}
