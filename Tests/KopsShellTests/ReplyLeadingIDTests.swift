import Foundation
import KopsShell
import Testing

/// tester47 F8: an id typed as the first word of `reply`'s text (`reply wamid.… hello`, `reply +14155550157 hello`) was
/// sent as part of the text, to the last message's contact. It is refused before any request with what to type, and the
/// question before a send shows the text.
@Suite struct ReplyLeadingIDTests {
    static let lee = Demo.leeFailedReply

    /// Each kind of id as the first word, after a message of Dana's is selected: refused, nothing read or sent.
    @Test(arguments: [
        ("reply --dry-run \(lee) hello Lee",
         "error: reply: the text starts with 'wamid.HBgLMTQxNTU1NTAxN…', a message id (WAMID), which would be sent as text; "
            + "to answer that message: reply --message \(lee) TEXT; to send it as text, quote the whole text: "
            + "reply \"wamid.HBgLMTQxNTU1NTAxN… …\"\n"),
        ("reply --dry-run +14155550157 hello Lee",
         "error: reply: the text starts with '+14155550157', a number (a contact's phone number or an id), which would be sent as "
            + "text; to write to that contact: reply --to +14155550157 TEXT; to send it as text, quote the whole text: "
            + "reply \"+14155550157 …\"\n"),
        ("reply --dry-run 14155550157 hello",
         "error: reply: the text starts with '14155550157', a number (a contact's phone number or an id), which would be sent as "
            + "text; to write to that contact: reply --to +14155550157 TEXT; to send it as text, quote the whole text: "
            + "reply \"14155550157 …\"\n"),
        ("reply --dry-run \(Demo.leeConversation) hello",
         "error: reply: the text starts with '\(Demo.leeConversation)', a Kapso id (such as a conversation's), which would be "
            + "sent as text; to write to that contact: reply --to \(Demo.leeConversation) TEXT; to send it as text, quote the "
            + "whole text: reply \"\(Demo.leeConversation) …\"\n"),
        ("reply --dry-run US.13491208655302741918 hello",
         "error: reply: the text starts with 'US.13491208655302741918', a business-scoped user id, which would be sent as text; "
            + "to write to that contact: reply --to US.13491208655302741918 TEXT; to send it as text, quote the whole text: "
            + "reply \"US.13491208655302741918 …\"\n"),
        ("reply --dry-run @zoo_user hello",
         "error: reply: the text starts with '@zoo_user', a WhatsApp username, which would be sent as text; to write to that "
            + "contact: reply --to @zoo_user TEXT; to send it as text, quote the whole text: reply \"@zoo_user …\"\n"),
        // A cut WAMID is a message id too; an id alone is no text to send.
        ("reply wamid.ID",
         "error: reply: the text is only 'wamid.ID', a message id (WAMID), which would be sent as text; to answer that "
            + "message: reply --message wamid.ID TEXT\n"),
    ])
    func anIDAsTheFirstWordIsRefusedBeforeAnyRequest(line: String, error: String) async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", line])
        #expect(run.statuses == [.ok, .usage])
        // After `message`'s own hint, the one error line.
        #expect(run.err.hasSuffix("\n" + error), "\(run.err)")
        #expect(run.err.components(separatedBy: "error:").count == 2)
        #expect(!run.out.contains("\"text\""), "nothing sent or shown as a request: \(run.out)")
    }

    /// Refused from the words alone: no number selected, no request made.
    @Test func refusedFromTheWordsAlone() async throws {
        let run = try await runShell(["reply --dry-run +14155550157 hello"], phoneNumberID: nil)
        #expect(run.statuses == [.usage])
        #expect(run.requests == 0)
    }

    /// Text quoted whole, and first words that are no id (a date, a price, a short number, a word), go as typed.
    @Test(arguments: [
        ("reply --dry-run '+14155550157 is our line'", "+14155550157 is our line"),
        ("reply --dry-run 2026-12-04 works for us", "2026-12-04 works for us"),
        ("reply --dry-run 12.50 is the price", "12.50 is the price"),
        ("reply --dry-run 1042 ships today", "1042 ships today"),
        ("reply --dry-run @ noon then", "@ noon then"),
        ("reply --dry-run \"wamid.X is what you sent\"", "wamid.X is what you sent"),
    ])
    func textThatStartsWithNoIDGoesAsTyped(line: String, body: String) async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", line])
        #expect(run.statuses == [.ok, .ok], "\(run.err)")
        #expect(run.out.contains("\"body\": \"\(body)\""), "\(run.out)")
    }

    /// With no message selected, `reply` names the flags it takes (a WAMID as a word is text, not a message).
    @Test func noMessageSelectedNamesTheFlags() async throws {
        let run = try await runShell(["reply hi"])
        #expect(run.err == "error: reply: no message selected; give --message WAMID or --to NUMBER or run 'message <wamid>' first "
            + "('messages' lists them)\n")
    }

    /// The question before a send shows the text that will go, not only its length.
    @Test func theQuestionShowsTheText() async throws {
        let asked = TestLocked<[String]>([])
        _ = try await runShell(["message \(Demo.danaInbound)", "reply hello Dana, it ships today"]) { context in
            context.confirm = { prompt in
                asked.update { $0.append(prompt) }
                return false
            }
        }
        #expect(asked.value == [
            "send \"hello Dana, it ships today\" (26 characters) to Dana Ortiz (14155550142) from 100200300400501? [y/N] ",
        ])
    }
}
