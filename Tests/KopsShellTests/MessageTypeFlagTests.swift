@testable import KopsShell
import KopsTestSupport
import Testing

/// probe38 P38-6: `messages --type txt` (a typo) answered "0 items", read as "no text messages". A type no WhatsApp
/// message has is refused before any request, with the types and the closest; any case of a known one still lists.
@Suite struct MessageTypeFlagTests {
    @Test(arguments: [("txt", "text"), ("texts", "text"), ("imagee", "image"), ("tempalte", "template")])
    func anUnknownTypeIsRefusedWithTheClosest(typed: String, closest: String) {
        let ran = OfflineShell.run("messages", "--type", typed)
        #expect(ran.status == .usage)
        // The one wording of every unknown name (probe38 P38-15 c): the suggestion first, the list after it.
        #expect(
            ran.err.hasPrefix("error: messages: unknown message type '\(typed)'; did you mean '\(closest)'? (--type takes WhatsApp's: text, image,"),
            "\(ran.err)")
        #expect(ran.err.hasSuffix(", revoke)\n"), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1)
    }

    @Test func aKnownTypeInAnyCaseLists() async throws {
        let out = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            #expect(shell.run(line: "messages --type TEXT --limit 3") == .ok, "\(output.err)")
            return output.out
        }
        #expect(out.contains("text"), "\(out)")
    }
}
