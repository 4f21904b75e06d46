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
