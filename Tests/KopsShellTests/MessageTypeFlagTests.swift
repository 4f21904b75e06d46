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
        #expect(ran.err.hasPrefix("error: messages: invalid value for --type '\(typed)'; expected a WhatsApp message type: text, image,"), "\(ran.err)")
        #expect(ran.err.hasSuffix("; did you mean '\(closest)'?\n"), "\(ran.err)")
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
