import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56b AA14: a send to +14155550171 whose sent/delivered/read statuses carry `recipient_id` US.13491208655302741919,
/// the id a `user_changed_user_id` notice of Contact A names as theirs (seed: tester56-uid plus that send, `…BQ77…`), was
/// "whether 14155550171 got it is unknown (the statuses may be another recipient's)". kops ties that id to the contact,
/// as `whois` does: the verdict says so, hedged (kapso-api.md does not say Meta writes a BSUID into `recipient_id`).
@Suite struct AA14ContactUserIDRecipientTests: PrintedLines {
    static let seed = TestSeeds.file("tester56b-bsuid-status.seed.json")
    static let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ77AAAAAAAAAAAAAAAAAAAA="

    @Test func theVerdictNamesTheContactsOwnUserID() async throws {
        let runs = try await runDemo(["trace \(Self.id)"], number: "100200300400501", seed: Self.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(
            verdict.contains("US.13491208655302741919 is Contact A's business-scoped user id: the statuses are most likely about this contact"),
            "\(verdict)")
        #expect(!runs[0].out.contains("may be another recipient's"), "\(runs[0].out)")
    }
}
