import KopsShell
import Testing

/// tester57 AB7: a transcript pasted into a ticket under other text was refused "no '# kops transcript' first line"
/// without saying where it starts, and so was one whose title an editor left a space after.
@Suite struct AB7TranscriptBelowTextTests {
    private static let body = "\n- profile: default\n\n```kops\nkops(default)> explain 131047\nout\n```\n"

    @Test func textAboveTheTitleIsNamedWithTheLinesToDelete() {
        let text = "Hi team, repro below.\n\n# kops transcript\n" + Self.body
        #expect(throws: ScriptError.self) { try TranscriptChecker(expected: text, path: "t.md").replay(on: OfflineShell().shell) }
        do {
            _ = try TranscriptChecker(expected: text, path: "t.md").replay(on: OfflineShell().shell)
        } catch {
            #expect(
                error.message
                    == "'t.md' is no kops transcript from its first line: one starts at line 3 ('# kops transcript'), so it "
                    + "was left as it is; delete the 2 lines above it (text after its last block may stay), then use it again")
        }
    }

    @Test(arguments: ["# kops transcript \n", "# kops transcript\t\n", "# kops transcript\r\n"])
    func spacesAfterTheTitleAreTolerated(_ title: String) {
        #expect(TranscriptParser.isTranscript(title + Self.body))
    }
}
