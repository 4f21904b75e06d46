import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester57b AC4: AB12 masked a token-shaped word typed as a whole word, but the errors that cut a long argument to 23
/// characters and `…` (`IDInput.echo`) kept that cut, 23 of the secret's 36 characters, in the transcript and on the
/// terminal. Every error line now passes `TypedTokens`, which masks a typed word whole and cut short.
@Suite struct AC4CutArgumentRedactionTests {
    static let token = "kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz"

    @Test(arguments: [
        "messages --phone-number TOKEN", "reply --to TOKEN hi", "conversation TOKEN", "webhooks get TOKEN", "trace TOKEN",
        "whois TOKEN",
    ])
    func aCutArgumentShowsNoPartOfTheToken(line: String) async throws {
        let token = Self.token
        let (err, transcript) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ac4-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("t.md").path
            shell.run(line: "record \(path)")
            let before = output.err.count
            #expect(shell.run(line: line.replacingOccurrences(of: "TOKEN", with: token)) != .ok)
            let err = String(output.err.dropFirst(before))
            shell.run(line: "record stop")
            return (err, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(err.hasPrefix("error: "), "\(err)")
        #expect(err.contains("<redacted>"), "\(err)")
        #expect(!err.contains(token.prefix(8)), "\(err)")
        #expect(!transcript.contains(token.prefix(8)), "\(transcript)")
    }

    @Test func aCutFormOfATypedWordIsMaskedButOtherCutsStay() {
        var tokens = TypedTokens()
        tokens.learn(in: "trace \(Self.token)")
        #expect(tokens.redacting("invalid message id 'kx9F8e7D6c5B4a39281706f…'; expected") == "invalid message id '<redacted>'; expected")
        #expect(tokens.redacting("'kx9F8e7D…' and 'kx9F8e7…'") == "'<redacted>' and 'kx9F8e7…'", "8 characters are masked, 7 are not")
        #expect(tokens.redacting("id 'wamid.HBgLMTQx…' cut") == "id 'wamid.HBgLMTQx…' cut")
        #expect(tokens.redacting("the whole \(Self.token) word") == "the whole <redacted> word")
    }

    /// A UUID with a defect is quoted whole by its error, which names the defect in its last characters (probe24 P24-2).
    @Test func aNearlyUUIDIsNoToken() {
        var tokens = TypedTokens()
        tokens.learn(in: "webhooks test 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8g")
        #expect(tokens.words.isEmpty)
    }
}
