import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester60 AH12: one mistyped `message WAMID` sent two look-ups by id, the second with the '=' stripped; both 404s sat
/// in the project's API log, where another kops user's `errors` blamed the second on the caller's "missing padding". The
/// other padding forms are now looked for among the contact's messages (a listing, which fails nothing), so the API log
/// holds one 404 for the one id typed.
@Suite struct AH12OneLookupPerTypoTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")
    static let typo = "wamid.HBgMNTUxMTk5OTk5OTk5ORUCABEYEjNBMkQ4RkI4RjE2RTk5RjA0NQA="

    @Test func aMistypedIDIsAskedForOnce() async throws {
        let (ran, logged) = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let status = shell.run(line: "message \(Self.typo)")
            let logs = try fixture.client().apiLogs([("per_page", "100")]).items
            return (Ran(status: status.rawValue, out: output.out, err: output.err), logs.filter { $0.endpoint.contains("NQA") })
        }
        #expect(ran.status != 0)
        #expect(ran.err.contains("no message with WAMID \(Self.typo) exists in this project"), "\(ran.err)")
        #expect(logged.count == 1, "\(logged.map(\.endpoint))")
        #expect(!logged.contains { $0.endpoint.hasSuffix("NQA") }, "\(logged.map(\.endpoint))")
    }

    /// A message Kapso stored without its '=' padding is still found from the padded form typed, by the listing.
    @Test func theOtherPaddingFormIsStillFound() async throws {
        let stored = "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhggQkIxQUFBQUFBQUFBQUFBQUFBQUFBQUFB"
        let run = try await runDemo(["message \(stored)="], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(stored), "\(run.out)")
        #expect((run.out + run.err).contains("was not found as typed; found without its '=' padding"), "\(run.out + run.err)")
    }
}
