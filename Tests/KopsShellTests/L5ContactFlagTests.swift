import KopsShell
import Testing

/// tester69b L5: `help messages` says `messages` filters by contact, and `messages --contact 14155550142` answered only
/// "unknown flag '--contact'; see 'help messages'". The flag that names the contact is said.
@Suite struct L5ContactFlagTests {
    @Test func messagesNamesItsContactFlag() {
        do {
            _ = try Arguments(command: MessagesCommand.self, words: ["--contact", "14155550142"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "messages: unknown flag '--contact'; did you mean '--phone-number'?")
        }
    }

    @Test func replyNamesItsRecipientFlag() {
        do {
            _ = try Arguments(command: ReplyCommand.self, words: ["hi", "--contact", "+14155550142"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "reply: unknown flag '--contact'; did you mean '--to'?")
        }
    }
}
