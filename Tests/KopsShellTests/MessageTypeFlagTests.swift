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

    /// probe46 P46-16: a shape kops itself names (`voice` in CONTENT, `payload sample --type button_reply`) is refused
    /// with the type that holds it, not with a list that names neither.
    @Test(arguments: [
        ("voice", "audio"), ("button_reply", "interactive"), ("List_Reply", "interactive"), ("nfm_reply", "interactive"),
        ("reaction_removed", "reaction"), ("user_changed_number", "system"),
    ])
    func aShapeIsRefusedWithTheTypeThatHoldsIt(typed: String, type: String) {
        let ran = OfflineShell.run("messages", "--type", typed)
        #expect(ran.status == .usage)
        #expect(
            ran.err == "error: messages: invalid --type '\(typed)'; expected one of WhatsApp's message types: "
                + "'\(typed.lowercased())' is a kind of \(type) message, not a type of its own; --type \(type) lists it with the other \(type) messages\n",
            "\(ran.err)")
    }

    /// tester46 L5: the names people use for a kind of message (`ptt`, WhatsApp's voice note; `photo`; `file`; `gif`)
    /// get the type that holds it, as `voice` does, not the bare list.
    @Test(arguments: [("ptt", "audio"), ("PTT", "audio"), ("photo", "image"), ("file", "document"), ("gif", "video")])
    func aNamePeopleUseGetsTheTypeThatHoldsIt(typed: String, type: String) {
        let ran = OfflineShell.run("messages", "--type", typed)
        #expect(ran.status == .usage)
        #expect(ran.err.hasPrefix("error: messages: invalid --type '\(typed)'; expected one of WhatsApp's message types: "), "\(ran.err)")
        #expect(ran.err.contains("--type \(type) lists"), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
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
