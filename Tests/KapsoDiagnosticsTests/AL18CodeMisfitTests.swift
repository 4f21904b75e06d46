import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester62 AL18: a text message failed 132001 was told "check the template name, the language code and its approval",
/// one failed 131053 "check the file's real MIME type and size", and a sent text with 131052 (media a contact sent) "ask
/// the contact to send the file another way": advice that cannot apply to the message as Kapso stored it, with no word of
/// it. Now the advice says the code does not fit the message and to check the send's API call first, as 131047 on a
/// template already did.
@Suite struct AL18CodeMisfitTests {
    static func send(_ type: String, direction: String = "outbound") -> FailedSend {
        FailedSend(message: ["type": .string(type), "to": "14155550171", "kapso": ["direction": .string(direction)]])
    }

    @Test(arguments: [("132001", "text"), ("132000", "interactive"), ("131053", "text"), ("131052", "text"), ("131052", "image")])
    func aCodeThatCannotBeAboutTheMessageSaysSo(code: String, type: String) {
        let fix = MessageError(code: code).fix(for: Self.send(type))
        #expect(fix.hasPrefix("Meta documents \(code) ("), "\(fix)")
        #expect(fix.contains("the code does not fit it"), "\(fix)")
        #expect(fix.contains("check the send's API call ('trace' lists it) before acting on Meta's fix ("), "\(fix)")
    }

    @Test(arguments: [("132001", "template"), ("131053", "image"), ("131053", "template"), ("131053", "interactive"), ("131047", "text")])
    func aCodeThatFitsKeepsItsAdvice(code: String, type: String) {
        let fix = MessageError(code: code).fix(for: Self.send(type))
        #expect(!fix.contains("does not fit"), "\(fix)")
    }

    @Test func anInboundMediaDownloadErrorFits() {
        #expect(!MessageError(code: "131052").fix(for: Self.send("image", direction: "inbound")).contains("does not fit"))
    }

    @Test func aSendCallAnswered131052SaysTheCodeDoesNotFit() throws {
        let log = try APILog(json: [
            "id": "l", "http_method": "POST", "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages", "response_status": 400,
            "error_message": "(#131052) Media download error", "created_at": "2026-11-21T10:00:00Z",
        ])
        var triage = ErrorTriage()
        triage.addAPILogs([log])
        let meaning = try #require(triage.entries.first?.meaning)
        #expect(meaning.contains("for media a contact sent, and this call sends a message: the code does not fit it"), "\(meaning)")
    }
}
