import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe25 P25-2: a Meta access token or a webhook signing secret pasted where any id goes is named as the secret it
/// is, with the advice to revoke or rotate it and where the id is listed, as `whois` names it (the others said only
/// "invalid … id '<redacted>…'"); nothing of it is printed, not even as `<redacted>`, and it stays out of transcripts,
/// the restore file and the history file.
@Suite struct CredentialAsIDTests {
    static let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBxQ1d0WZAbcdEFGhij2kLmNOpQRsTUvWXyz"
    static let secret = "whsec_055d9aa2aa98ee407404868cf0b0fd17"

    /// Every argument that takes an id: the line with `$T` for the pasted value, what leads the error, and where the
    /// line sends the user for the id it meant (nil: the credential's own, as `whois` says it).
    static let arguments: [(line: String, lead: String, find: String?)] = [
        ("whois $T", "whois: ", nil),
        ("use $T", "use: ", "for the phone-number id, run 'numbers'"),
        ("health $T", "health: ", "for the phone-number id, run 'numbers'"),
        ("message $T", "message: ", "for a message id (WAMID), run 'messages'"),
        ("trace $T", "trace: ", "for a message id (WAMID), run 'messages'"),
        ("conversation $T", "conversation: ", "for a conversation id, run 'conversations'"),
        ("webhooks get $T", "webhooks: ", "for a webhook's id, run 'webhooks'"),
        ("webhooks test $T", "webhooks: ", "for a webhook's id, run 'webhooks'"),
        ("webhooks delete $T", "webhooks: ", "for a webhook's id, run 'webhooks'"),
        ("webhooks check $T", "webhooks: ", "for a webhook's id, run 'webhooks'"),
        ("deliveries --webhook $T", "deliveries --webhook: ", "for a webhook's id, run 'webhooks'"),
        ("messages --conversation $T", "messages --conversation: ", "for a conversation id, run 'conversations'"),
        ("messages --phone-number $T", "messages --phone-number: ", "give the contact's phone number"),
        ("conversations --phone-number $T", "conversations --phone-number: ", "give the contact's phone number"),
        ("reply --to $T --dry-run hi", "reply --to: ", "give the contact's phone number"),
        ("reply --message $T --dry-run hi", "reply --message: ", "for a message id (WAMID), run 'messages'"),
        ("logs search --around $T", "logs search --around: ", nil),
        ("profile add p --base-url https://api.kapso.ai --key-env K --phone-number-id $T", "profile --phone-number-id: ",
         "for the phone-number id, run 'numbers'"),
    ]

    static let cases: [(line: String, lead: String, find: String?, token: Bool)] =
        arguments.map { ($0.line, $0.lead, $0.find, true) } + arguments.map { ($0.line, $0.lead, $0.find, false) }

    @Test(arguments: cases)
    func aCredentialGivenAsAnIDIsNamedEverywhere(_ line: String, _ lead: String, _ find: String?, _ isToken: Bool) async throws {
        let value = isToken ? Self.token : Self.secret
        // Quoted and with a label too: as copied out of a chat, a URL or a header.
        for pasted in [value, "'\(value)'", "access_token=\(value)", "'Bearer \(value)'"] {
            let ran = try await runDemo(line.replacingOccurrences(of: "$T", with: pasted))
            #expect(ran.status == 64, "\(line) \(pasted): \(ran.err)")
            let named = isToken
                ? "this is a Meta access token (EAA…), a secret, not an id: it does not belong here, and as it is now in your "
                    + "scrollback, consider revoking it and issuing a new one; "
                : "this is a webhook signing secret (whsec_…), a secret, not an id: it does not belong here, and as it is now in "
                    + "your scrollback, consider rotating it; "
            let ownFind = isToken ? "for the phone-number id, run 'numbers'" : "for a webhook's id, run 'webhooks'"
            #expect(ran.err.contains("error: " + lead + named + (find ?? ownFind)), "\(line) \(pasted): \(ran.err)")
            // Nothing of the value, not even its redacted stand-in.
            for shown in ["<redacted>", "m0PX4ZCp", "055d9aa2", "0fd17"] {
                #expect(!(ran.out + ran.err).contains(shown), "\(line) \(pasted) printed \(shown): \(ran.err)")
            }
        }
    }

    /// The sinks: a recording of those lines and the history file hold nothing of either credential.
    @Test func theSecretStaysOutOfTranscriptRestoreFileAndHistory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cred-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = Self.arguments.prefix(17).flatMap { argument in
            [Self.token, Self.secret].map { argument.line.replacingOccurrences(of: "$T", with: $0) }
        }
        let (page, restore, saved) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let probe = SecretSinksTests.HistoryProbe(["record \(folder)/c.md"] + lines + ["record stop", "explain 131047"])
            _ = shell.loop(reader: probe)
            return (
                try String(contentsOfFile: "\(folder)/c.md", encoding: .utf8),
                (try? String(contentsOfFile: "\(folder)/c.md.restore", encoding: .utf8)) ?? "", probe.saved)
        }
        #expect(page.contains("a secret, not an id"), "\(page)")
        for shown in ["m0PX4ZCp", "055d9aa2"] {
            #expect(!page.contains(shown), "the transcript holds \(shown)")
            #expect(!restore.contains(shown), "the restore file holds \(shown)")
            #expect(!saved.joined(separator: "\n").contains(shown), "the history file holds \(shown): \(saved)")
        }
    }
}

/// probe25 P25-15 across the arguments that take a phone number: a full-width ＋ with full-width digits, and other
/// keyboards' digits, read as `whois` reads them, with the ASCII number to use.
@Suite struct OtherKeyboardNumberTests {
    @Test(arguments: [
        ("whois '＋１４１５５５５０１４２'", "whois: ", "+14155550142"),
        ("use '＋１４１５５５５０１００'", "use: ", "+14155550100"),
        ("health '＋１４１５５５５０１００'", "health: ", "+14155550100"),
        ("reply --to '＋１４１５５５５０１４２' --dry-run hi", "reply --to: ", "+14155550142"),
        ("messages --phone-number '＋１４１５５５５０１４２'", "messages --phone-number: ", "+14155550142"),
        ("conversations --phone-number '＋１４１５５５５０１４２'", "conversations --phone-number: ", "+14155550142"),
        ("reply --to '١٤١٥٥٥٥٠١٤٢' --dry-run hi", "reply --to: ", "14155550142"),
    ])
    func aNumberFromAnotherKeyboardIsReadAsWhoisReadsIt(_ line: String, _ lead: String, _ ascii: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(ran.err.contains("error: " + lead + "cannot read '"), "\(ran.err)")
        #expect(ran.err.contains("digits (as a phone with that keyboard types them); in ASCII digits it is \(ascii): use \(ascii)"), "\(ran.err)")
    }

    @Test func aFullWidthPlusBeforeASCIIDigitsIsNamed() async throws {
        let ran = try await runDemo("reply --to '＋14155550142' --dry-run hi")
        #expect(ran.err.contains(
            "reply --to: cannot read '＋14155550142' as an id: U+FF0B FULLWIDTH PLUS SIGN at position 1 (it looks like '+') is not "
                + "ASCII: ids are ASCII letters and digits; typed in ASCII it is +14155550142: use that"), "\(ran.err)")
    }
}
