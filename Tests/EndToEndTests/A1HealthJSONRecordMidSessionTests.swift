import Foundation
import KopsTestSupport
import Testing

/// tester68 A1: `use 100200300400502`, `record F`, `health --output json`, `record stop`, then `kops check F` said "output
/// changed": the session had the number's record from `use`, the replay selected the number from the header without it,
/// and `health`'s JSON lost its `kops_record`. `health` now reads the record itself when the session has none, so its
/// output is the same however the number was selected (A14: a profile's phone_number_id gave no `kops_record` either).
@Suite struct A1HealthJSONRecordMidSessionTests {
    @Test(arguments: [
        ["health --output json"], ["output json", "health"], ["health"],
    ])
    func healthRecordedAfterUseChecksUnchanged(recorded: [String]) async throws {
        let run = try await PreRecordSessions.run(
            ["set on_error continue", "use 100200300400502", "record FILE"] + recorded + ["record stop"])
        #expect(run.transcript.contains("> " + recorded[recorded.count - 1]), "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.check.stdout.contains("kops_record"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// The JSON carries Kapso's record of the number whether `use` or a profile selected it (A14).
    @Test func healthJSONHasTheRecordWhenAProfileSelectsTheNumber() async throws {
        let config = """
            default_profile = "b"
            [profiles.b]
            base_url = "BASE_URL"
            api_key_env = "KAPSO_API_KEY"
            phone_number_id = "100200300400502"

            """
        let run = try await PreRecordSessions.run(
            ["set on_error continue", "record FILE", "health --output json", "record stop"], config: config)
        #expect(run.transcript.contains("\"kops_record\": {"), "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
    }
}
