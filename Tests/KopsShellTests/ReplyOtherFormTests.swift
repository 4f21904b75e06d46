import Foundation
import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe25 P25-19: `reply --to` a contact's number in another form (Argentina's domestic 15 after the area code) found
/// the contact, read its open window, and addressed the message to the typed form, which Argentina's is no international
/// number at all. The message goes to the contact's WhatsApp number now, and kops says so.
@Suite struct ReplyOtherFormTests {
    static func seed() -> SimulatorSeed { TestSeeds.file("probe25-s1.seed.json") }

    @Test func aReplyToAnotherFormGoesToTheContactsWhatsAppNumber() async throws {
        let runs = try await runDemo(
            ["reply --to +54111523456789 --dry-run hola", "reply --to +5491123456789 --dry-run hola"], number: "100200300400501",
            seed: Self.seed())
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.contains("\"to\": \"5491123456789\""), "\(runs[0].out)")
        #expect(runs[0].err.contains("sending to +5491123456789, the contact's number (+54111523456789 is Argentina's domestic form of it, 15 after the area code, which is no international number)"), "\(runs[0].err)")
        #expect(runs[1].out.contains("\"to\": \"5491123456789\""), "\(runs[1].out)")
        #expect(!runs[1].err.contains("domestic form"), "\(runs[1].err)")
    }
}
