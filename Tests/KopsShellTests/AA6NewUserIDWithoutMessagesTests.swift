import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56b AA6: after a `user_changed_user_id` notice (Z5NewBusinessScopedUserIDTests's seed: Contact A's US.…18
/// replaced by US.…19, the notice sent under the old id), `whois` of the new id counted the notice as "1 message / newest …
/// from them" and pointed `trace` at it; `also:` repeated the old id `replaces:` names; `messages --phone-number` of the new
/// id said "0 items" alone and `conversations --phone-number` of it pointed at that empty list. Nothing came under the new
/// id yet: the contact's messages are under their number.
@Suite struct AA6NewUserIDWithoutMessagesTests: PrintedLines {
    static let new = Z5NewBusinessScopedUserIDTests.new
    static let old = Z5NewBusinessScopedUserIDTests.old
    static let notice = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH13AAAAAAAAAAAAAAAAAAAA="
    /// The contact's newest message: a send to +14155550171 at 10:16.
    static let newest = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH22AAAAAAAAAAAAAAAAAAAA="

    @Test func whoisSaysNoMessageCameUnderTheNewIDAndTracesTheirNewest() async throws {
        let runs = try await runDemo(["whois \(Self.new)"], number: "100200300400501", seed: Z5NewBusinessScopedUserIDTests.seed)
        let out = runs[0].out
        #expect(runs[0].status == 0, "\(out)\(runs[0].err)")
        #expect(Self.line("messages:", in: out).contains("no message from this id yet; the contact's messages (+14155550171, "), "\(out)")
        // The notice is the old id's only record: the contact's messages are under the number alone.
        #expect(Self.line("messages:", in: out).hasSuffix("are under the phone number"), "\(out)")
        #expect(out.contains("'trace \(Self.newest)' follows their newest message"), "\(out)")
        #expect(!out.contains("trace \(Self.notice)"), "\(out)")
        #expect(!Self.line("also:", in: out).contains(Self.old), "\(out)")
        #expect(Self.line("replaces:", in: out).contains(Self.old), "\(out)")
    }

    @Test func theEmptyListsSayWhereTheContactsMessagesAre() async throws {
        let runs = try await runDemo(
            ["messages --phone-number \(Self.new)", "conversations --phone-number \(Self.new)"], number: "100200300400501",
            seed: Z5NewBusinessScopedUserIDTests.seed)
        let messages = runs[0].out + runs[0].err
        #expect(messages.contains("no messages under \(Self.new) yet: it replaced \(Self.old)"), "\(messages)")
        #expect(messages.contains("'messages --phone-number +14155550171' lists the contact's messages"), "\(messages)")
        #expect(runs[1].status != 0 && runs[1].err.contains("'conversations --phone-number +14155550171' lists that contact's conversations"), "\(runs[1].err)")
        #expect(!runs[1].err.contains("'messages --phone-number \(Self.new)'"), "\(runs[1].err)")
    }
}
