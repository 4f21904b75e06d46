import KopsShell
import KopsTestSupport
import Testing

/// tester66 W5: `trace` of a send to the Brazilian dialled number 5511987654321 (the contact's wa_id, in the statuses'
/// `recipient_id`, is 551187654321) looked the marketing preference up under the dialled form; Kapso answered 404
/// "WhatsApp contact not found", which then showed in every other operator's `errors`, `overview` and `logs --errors` as
/// a failed API call. The look-up goes under the wa_id Meta named (`StatusHistory.contactWAID`).
@Suite struct W5PreferenceLookUpUnderWAIDTests {
    static let brazilSend = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBU21AAAAAAAAAAAAAAAAAAAA="

    @Test func anotherOperatorSeesNoFailedLookUpAfterTheTrace() async throws {
        let (trace, logs) = try await withSimulator(seed: TestSeeds.file("tester66-window.seed.json")) { fixture in
            let (first, firstOutput) = try fixture.shell(phoneNumberID: "100200300400501")
            _ = first.run(line: "trace \(Self.brazilSend)")
            let (other, output) = try fixture.shell(phoneNumberID: nil)
            _ = other.run(line: "logs --errors --period 24h")
            return (firstOutput.out, output.out + output.err)
        }
        #expect(trace.contains("verdict:"), "\(trace)")
        #expect(!logs.contains("WhatsApp contact not found"), "\(logs)")
        #expect(!logs.contains("/contacts/5511987654321/marketing_preferences"), "\(logs)")
    }
}
