import KopsTestSupport
import Testing

/// probe46 P46-13 on the demo seed (Lee Park is +1 415-555-0157, the project's numbers are +1): a `--phone-number` typed
/// without '+' that may be a national number lists Kapso's partial match, says so, and never leaves the contact's own
/// rows out as "other contacts".
@Suite struct ContactFilterShellTests {
    @Test(arguments: ["messages", "conversations"], ["4155550157", "'(415) 555-0157'"])
    func aNationalNumberListsTheContactsOwnRows(_ command: String, _ typed: String) async throws {
        let ran = try await runDemo(["\(command) --phone-number \(typed) --limit 5"], number: "100200300400501")[0]
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.err.contains("has no '+' or '00' and does not start with this project's country code (+1): listed as Kapso's partial match"), "\(ran.err)")
        #expect(ran.err.contains("--phone-number +14155550157"), "\(ran.err)")
        #expect(!ran.err.contains("left out"), "\(ran.err)")
        #expect(ran.out.contains("0157"), "\(ran.out)")
        #expect(!ran.err.contains("0 items"), "\(ran.err)")
    }

    /// With its country code the number is one contact's, as before: no doubt said.
    @Test func aWholeNumberSaysNoDoubt() async throws {
        let ran = try await runDemo(["messages --phone-number 14155550157 --limit 5"], number: "100200300400501")[0]
        #expect(ran.status == 0 && !ran.err.contains("partial match, every contact"), "\(ran.err)")
        #expect(ran.out.contains("0157"), "\(ran.out)")
    }
}
