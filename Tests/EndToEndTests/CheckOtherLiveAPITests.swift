import Foundation
import KopsTestSupport
import Testing

/// probe43 P43-4: `kops check --update` of a transcript recorded on a live Kapso API, run where the environment names
/// another API (a `KAPSO_API_BASE_URL` left over from another incident), rewrote the evidence with that API's answers
/// under the old `- api:` line. Refused now, writing nothing; `--base-url` naming the other API still updates.
@Suite struct CheckOtherLiveAPITests {
    /// A transcript recorded on a simulator, its header made a live API's, with one line that the replay changes.
    func liveTranscript() async throws -> String {
        let (recorded, files) = try await KopsRunTests().kops(
            ["run", "t.kops", "--record", "out.md"], files: ["t.kops": "use 100200300400502\n"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let api = try #require(transcript.firstMatch(of: /- api: 127\.0\.0\.1:[0-9]+\n- api kind: simulator\n/))
        return transcript.replacingCharacters(in: api.range, with: "- api: api.kapso.ai\n- api kind: Kapso API\n")
            .replacingOccurrences(of: "Sales Line", with: "Sales Lime")
    }

    @Test func anUpdateOnAnotherAPIThanTheRecordedLiveOneIsRefused() async throws {
        let edited = try await liveTranscript()
        let (refused, after) = try await KopsRunTests().kops(["check", "out.md", "--update"], files: ["out.md": edited])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(after["out.md"] == edited && after["out.md~"] == nil, "\(after.keys.sorted())")
        #expect(refused.stderr.contains("out.md: recorded against api.kapso.ai, replaying on 127.0.0.1:PORT\n"), "\(refused.stderr)")
        #expect(
            refused.stderr.hasSuffix(
                "out.md: not rewritten: it was recorded against api.kapso.ai and replayed on 127.0.0.1:PORT (from env "
                    + "KAPSO_API_BASE_URL), so the differences may be that API's; check it on the API it was recorded on, or "
                    + "name this one with --base-url to update it from here\n"), "\(refused.stderr)")
        // Named with --base-url, the other API is the user's choice: the update is made.
        let (named, rewritten) = try await KopsRunTests().kops(
            ["--base-url", "BASE_URL", "check", "out.md", "--update"], files: ["out.md": edited])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(rewritten["out.md"]?.contains("Sales Line") == true && rewritten["out.md~"] == edited)
    }
}
