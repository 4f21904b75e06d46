import KopsShell
import Testing

/// probe29 P29-9: a phone number written with spaces after a flag that takes one (`--to +1 415-555-0142`, the form
/// `numbers` prints) was judged by its first word ("invalid value for --to '+1'") or left a stray word ("unexpected
/// argument '415'"); every such flag now names the split and the two ways to write it.
@Suite struct PhoneNumberSplitTests {
    @Test(arguments: [
        (
            "reply", ["--to", "+1", "415-555-0142", "--dry-run", "hi"],
            "reply: --to took '+1' and left '415-555-0142' as other words: a number with spaces needs quotes "
                + "(--to '+1 415-555-0142') or none (--to +14155550142)"
        ),
        (
            "reply", ["--to=+1", "415", "555", "0142", "hi"],
            "reply: --to took '+1' and left '415 555 0142' as other words: a number with spaces needs quotes "
                + "(--to '+1 415 555 0142') or none (--to +14155550142)"
        ),
        (
            "messages", ["--phone-number", "+1", "415", "555", "0142"],
            "messages: --phone-number took '+1' and left '415 555 0142' as other words: a number with spaces needs quotes "
                + "(--phone-number '+1 415 555 0142') or none (--phone-number +14155550142)"
        ),
        (
            "conversations", ["--phone-number", "+44", "(20)", "7946.0958"],
            "conversations: --phone-number took '+44' and left '(20) 7946.0958' as other words: a number with spaces needs "
                + "quotes (--phone-number '+44 (20) 7946.0958') or none (--phone-number +442079460958)"
        ),
    ])
    func aSplitNumberIsNamedWithBothFixes(command: String, words: [String], message: String) {
        let types: [String: any Command.Type] = [
            "reply": ReplyCommand.self, "messages": MessagesCommand.self, "conversations": ConversationsCommand.self,
        ]
        guard let type = types[command] else { return }
        do {
            _ = try Arguments(command: type, words: words)
            Issue.record("expected a refusal for \(words)")
        } catch {
            #expect(error.message == message)
            #expect(error.exitStatus == .usage)
        }
    }

    /// A whole number, or a country code followed by text, is not a split number: the text is the message.
    @Test func aWholeNumberOrTextAfterItIsNotASplit() throws {
        let whole = try Arguments(command: ReplyCommand.self, words: ["--to", "+14155550142", "415", "is", "late"])
        #expect(whole.value("--to") == "+14155550142")
        #expect(whole.positionals == ["415", "is", "late"])
        let quoted = try Arguments(command: ReplyCommand.self, words: ["--to", "+1 415 555 0142", "hi"])
        #expect(quoted.value("--to") == "+1 415 555 0142")
        let text = try Arguments(command: ReplyCommand.self, words: ["--to", "+1", "hi"])
        #expect(text.value("--to") == "+1")
        // A URL flag is no phone number, whatever follows it.
        #expect(try Arguments(command: WebhooksCommand.self, words: ["fire", "--to", "+1", "415"]).value("--to") == "+1")
    }

    /// Through the shell: the line as the probe typed it, and the quoted form it is told to use, which is read.
    @Test func theShellRefusesTheSplitAndReadsTheQuotedNumber() async throws {
        let ran = try await runDemo(
            ["messages --phone-number +1 415 555 0142", "messages --phone-number '+1 415 555 0142'"], number: "100200300400501")
        #expect(ran[0].status == 64, "\(ran[0].err)")
        #expect(ran[0].err.contains("messages: --phone-number took '+1' and left '415 555 0142' as other words"), "\(ran[0].err)")
        #expect(ran[1].status == 0, "\(ran[1].err)")
        #expect(ran[1].out.contains("14155550142"), "\(ran[1].out)")
    }
}
