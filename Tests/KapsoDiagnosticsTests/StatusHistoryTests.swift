import Foundation
import KapsoClient
import KapsoDiagnostics
import Testing

/// Status ordering, deltas, conflicts and the verdict, on the shapes the field produces and on bad input.
@Suite struct StatusHistoryTests {
    static func message(_ statuses: String, status: String, errors: String? = nil, direction: String = "outbound") throws -> Message {
        let text =
            #"{"id":"wamid.X","timestamp":"1000","type":"text","text":{"body":"hi"},"#
            + (errors.map { #""errors":\#($0),"# } ?? "")
            + #""kapso":{"direction":"\#(direction)","status":"\#(status)","statuses":\#(statuses)}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    static let failed131026 = #"{"status":"failed","timestamp":"1001","errors":[{"code":131026,"title":"Receiver is incapable of receiving this message"}]}"#

    /// Sent over an hour ago and nothing since: Meta's two silent causes, offline or blocked, both named (probe7 P7-9:
    /// only "offline" was said, though a block also leaves a message at sent forever).
    @Test func aLongSilenceAfterSentNamesOfflineAndBlocked() throws {
        let message = try Self.message(#"[{"status":"sent","timestamp":"1000"}]"#, status: "sent")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 7_200, statuses: .open)
        #expect(verdict.text == "sent \(Elapsed.text(7_200)) ago, no delivery report yet: the contact's phone may be offline, "
            + "or the contact may have blocked this business's number (Meta does not say which)")
    }

    /// P19-3: whether Meta's statuses can reach Kapso comes before the contact. With the number's subscription lacking
    /// `messages` (read from its health), a message at `sent` or still `pending` is explained by it, never by the
    /// contact's phone; without the health read, the contact is not the only explanation.
    @Test func aStatusPathThatCannotCarryStatusesIsTheCauseNotTheContact() throws {
        let message = try Self.message(#"[{"status":"sent","timestamp":"1000"}]"#, status: "sent")
        let closed = MessageVerdict.StatusPath.closed(
            cause: "the app's subscription lacks Meta's messages field (it has: message_template_status_update)",
            fix: "reconnect the number in Kapso")
        let blocked = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 7_200, statuses: closed)
        #expect(blocked.text == "sent 2 h ago, no delivery report, and none can reach Kapso: the app's subscription lacks Meta's "
            + "messages field (it has: message_template_status_update) (health), so the missing report says nothing about the "
            + "contact's phone; reconnect the number in Kapso")
        #expect(blocked.severity == .bad)
        let unread = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 7_200)
        #expect(unread.text.hasSuffix("(Meta does not say which), unless Meta's statuses do not reach Kapso for this number "
            + "('health' shows whether the app's webhook subscription lists messages)"), "\(unread.text)")
        let pending = try Self.message("[]", status: "pending")
        let waiting = MessageVerdict.of(pending, windowAtSend: nil, now: 1_000 + 3_600, statuses: closed)
        #expect(waiting.text.hasPrefix("pending for 1 h: Meta's sent status cannot reach Kapso: the app's subscription"), "\(waiting.text)")
        #expect(!MessageVerdict.of(pending, windowAtSend: nil, now: 1_000 + 3_600).text.contains("cannot reach Kapso"))
    }

    @Test func sortsByTimeStablyWithDeltasFromTheSend() throws {
        let statuses = #"[{"status":"read","timestamp":"1005"},{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1002"},{"status":"x","timestamp":"1002"}]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "read"))
        #expect(history.events.map(\.status) == ["sent", "delivered", "x", "read"])
        #expect(history.events.map(\.sinceSend) == [0, 2, 2, 5])
    }

    @Test func keepsStatusesWithoutATimestampLastAndCountsThem() throws {
        let statuses = #"[{"status":"delivered"},{"status":"sent","timestamp":"1000"},{"status":"read","timestamp":"soon"},"junk"]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "read"))
        #expect(history.events.map(\.status) == ["sent", "delivered", "read"])
        #expect(history.untimedCount == 2)
        #expect(history.latest == nil, "which came last is unknown")
    }

    /// probe8 P8-8: the same failure reported again another second later, or passed on without its `href` or with its
    /// errors in another order, is still one failure of the message (`distinctFailures`); trace keeps both events.
    @Test func theSameFailureReportedAgainIsOneFailure() throws {
        let first = #"{"id":"wamid.X","status":"failed","timestamp":"1001","href":"https://x","errors":[{"code":131026},{"code":131049}]}"#
        let later = #"{"id":"wamid.X","status":"failed","timestamp":"1003","errors":[{"code":131049},{"code":131026,"title":"t"}]}"#
        let other = #"{"id":"wamid.X","status":"failed","timestamp":"1004","errors":[{"code":131000}]}"#
        let history = StatusHistory(message: try Self.message("[\(first),\(later),\(other)]", status: "failed"))
        #expect(history.failures.count == 3)
        #expect(history.distinctFailures.map(\.storedIndex) == [0, 2])
        #expect(history.failuresReportedAgain == [1])
    }

    /// tester64 T4: a copy whose id lacks the `wamid.` prefix is the same notification stored again.
    @Test func aCopyWithoutTheWAMIDPrefixIsOneEvent() throws {
        let statuses = #"[{"id":"wamid.X","status":"sent","timestamp":"1000"},{"id":"wamid.X","status":"delivered","timestamp":"1002"},"#
            + #"{"id":"X","status":"delivered","timestamp":"1002"}]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "delivered"))
        #expect(history.events.map(\.status) == ["sent", "delivered"])
        #expect(history.repeatedCount == 1)
    }

    /// probe7 P7-3: the same notification stored twice (a retried webhook) is one event, and one failure.
    @Test func aStatusStoredTwiceIsOneEvent() throws {
        let failed = #"{"id":"wamid.X","status":"failed","timestamp":"1001","errors":[{"code":131049,"title":"Healthy ecosystem"}]}"#
        let statuses = #"[{"id":"wamid.X","status":"sent","timestamp":"1000"},\#(failed),\#(failed)]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "failed"))
        #expect(history.events.map(\.status) == ["sent", "failed"])
        #expect(history.failures.count == 1)
        #expect(history.failures.first?.repeats == 1)
        #expect(history.repeatedCount == 1)
        // Another second, another error or no id: different notifications, kept apart.
        let other = #"{"id":"wamid.X","status":"failed","timestamp":"1002","errors":[{"code":131049,"title":"Healthy ecosystem"}]}"#
        let anonymous = #"{"status":"failed","timestamp":"1001","errors":[{"code":131049,"title":"Healthy ecosystem"}]}"#
        let kept = StatusHistory(message: try Self.message("[\(failed),\(other),\(anonymous),\(anonymous)]", status: "failed"))
        #expect(kept.failures.count == 4)
        #expect(kept.repeatedCount == 0)
    }

    /// probe7 P7-9: a status about another recipient is named; Brazil's other form of the same number is not.
    @Test func statusesAboutAnotherRecipientAreNamed() throws {
        let statuses = #"[{"status":"sent","timestamp":"1000","recipient_id":"14155550999"},{"status":"delivered","timestamp":"1002","recipient_id":"14155550999"}]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "delivered"))
        #expect(history.otherRecipients(than: "14155550171") == ["14155550999"])
        #expect(history.otherRecipients(than: "14155550999").isEmpty)
        #expect(history.otherRecipients(than: nil).isEmpty)
        let brazil = #"[{"status":"sent","timestamp":"1000","recipient_id":"551187654321"}]"#
        #expect(StatusHistory(message: try Self.message(brazil, status: "sent")).otherRecipients(than: "5511987654321").isEmpty)
    }

    /// probe10 P10-1: a stored status whose `id` names another message (a relay or receiver that files statuses by
    /// conversation) is no evidence about this one: the verdict, the failures `errors` counts and Kapso's `failed` all
    /// leave it out and say it was set aside.
    /// probe12 P12-3: the message's own id without `wamid.`, without its `=` padding or with spaces around it is
    /// still this message's: its failure is not "another message's".
    @Test func theSameWAMIDWrittenAnotherWayIsThisMessages() throws {
        let statuses = #"[{"id":"X","status":"sent","timestamp":"1000"},{"id":"wamid.X==","status":"delivered","timestamp":"1001"},"#
            + #"{"id":" WAMID.X ","status":"failed","timestamp":"1002","errors":[{"code":131026}]},{"id":"wamid.XY","status":"read","timestamp":"1003"}]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "failed"))
        #expect(history.events.map(\.status) == ["sent", "delivered", "failed"])
        #expect(history.failures.count == 1)
        #expect(history.foreign.map(\.messageID) == ["wamid.XY"])
        #expect(!history.kapsoStatusIsForeign("failed"))
    }

    @Test func aStatusNamingAnotherMessageIsSetApart() throws {
        let foreign = #"{"id":"wamid.Z","status":"failed","timestamp":"1002","recipient_id":"14155550999","errors":[{"code":131047,"title":"Re-engagement message"}]}"#
        let message = try Self.message(#"[{"id":"wamid.X","status":"sent","timestamp":"1000"},\#(foreign)]"#, status: "sent")
        let history = StatusHistory(message: message)
        #expect(history.events.map(\.status) == ["sent"])
        #expect(history.failures.isEmpty)
        #expect(history.foreign.map(\.messageID) == ["wamid.Z"])
        #expect(history.otherRecipients(than: "14155550171").isEmpty, "the other recipient was the other message's")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 7_200)
        #expect(verdict.text.hasPrefix("sent 2 h ago, no delivery report yet"), "\(verdict.text)")
        #expect(verdict.text.hasSuffix(
            "; 1 stored status names another message, so it was set aside (Meta's status names its message by id): "
                + "wamid.Z (failed 131047 at 1970-01-01T00:16:42Z)"), "\(verdict.text)")
        #expect(verdict.severity == .warning)
        // Without the message's id (nil) nothing is set apart: the reading before this fix.
        let unnamed = StatusHistory(statuses: message.json["kapso"]?["statuses"], sentAt: 1_000, messageID: nil)
        #expect(unnamed.failures.count == 1 && unnamed.foreign.isEmpty)
    }

    /// probe10 P10-1 (contact 28): delivered, then another message's failure, and Kapso's status `failed` taken from it:
    /// the message is delivered, not "uncertain"; `errors` counts no failure of it and says why.
    @Test func kapsosFailedFromAnotherMessagesStatusIsNotThisMessages() throws {
        let statuses = #"[{"id":"wamid.X","status":"sent","timestamp":"1000"},{"id":"wamid.X","status":"delivered","timestamp":"1002"},"#
            + #"{"id":"wamid.Z","status":"failed","timestamp":"1003","errors":[{"code":131026,"title":"Message undeliverable"}]}]"#
        let message = try Self.message(statuses, status: "failed")
        let history = StatusHistory(message: message)
        #expect(history.conflict == nil)
        #expect(history.kapsoStatusIsForeign("failed"))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 2_000)
        #expect(verdict.text.hasPrefix("delivered 2 s after sending, not read yet; 1 stored status names another message"), "\(verdict.text)")
        #expect(verdict.text.hasSuffix("; Kapso's status 'failed' matches only it, so it is not taken as this message's"))
        #expect(!verdict.text.contains("uncertain"))
        var triage = ErrorTriage()
        triage.addMessages(.object(["data": .array([.object(message.json)])]), since: 0)
        #expect(triage.entries.isEmpty, "\(triage.entries.map(\.error))")
        #expect(triage.statusesOfOtherMessages == ["wamid.X"])
        // The same failure under the message's own id is its failure, and counted.
        let own = try Self.message(statuses.replacingOccurrences(of: "wamid.Z", with: "wamid.X"), status: "failed")
        var counted = ErrorTriage()
        counted.addMessages(.object(["data": .array([.object(own.json)])]), since: 0)
        #expect(counted.entries.map(\.error) == ["131026 Message undeliverable"])
        #expect(MessageVerdict.of(own, windowAtSend: nil, now: 2_000).text.contains("uncertain"))
    }

    /// probe10 P10-3: pending for 49 hours is not "not confirmed yet": the age is named, and what it means; under the
    /// normal wait it is still the short answer, and without the message's time no age is made up.
    @Test func aLongPendingSendSaysHowLongAndWhatItMeans() throws {
        let message = try Self.message("[]", status: "pending")
        let stuck = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 49 * 3_600)
        #expect(stuck.text.hasPrefix("pending for \(Elapsed.text(49 * 3_600)), which is not normal:"), "\(stuck.text)")
        #expect(stuck.text.contains("kops cannot tell which"))
        #expect(stuck.severity == .bad)
        #expect(MessageVerdict.of(message, windowAtSend: nil, now: 1_030).text
            == "pending for 30 s: Meta has not confirmed the message yet (it normally does within seconds)")
        let untimed = try Message(json: try #require(try JSONValue.parse(Array(
            #"{"id":"wamid.X","timestamp":"soon","type":"text","text":{"body":"hi"},"kapso":{"direction":"outbound","status":"pending"}}"#.utf8)).object))
        #expect(MessageVerdict.of(untimed, windowAtSend: nil, now: 1_000_000).text == "pending: Meta has not confirmed the message yet")
    }

    /// probe17 P17-13: with log search not enabled, the verdict's next step is one that works (the number's send calls
    /// and Kapso support), never 'logs search'.
    @Test func aLongPendingSendNeverSendsTheUserToASearchThatCannotWork() throws {
        let message = try Self.message("[]", status: "pending")
        let stuck = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 3 * 3_600, logSearch: .notEnabled)
        #expect(!stuck.text.contains("logs search"), "\(stuck.text)")
        #expect(stuck.text.hasSuffix(
            "'logs --endpoint /messages --period 24h' shows the send's API call; Meta's webhooks about it are only in log search, "
                + "which this project cannot use, so Kapso support can look them up by the WAMID"), "\(stuck.text)")
        for access in [LogSearchAccess.available, .notAsked] {
            #expect(MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 3 * 3_600, logSearch: access).text
                .hasSuffix("'logs search --around wamid.X' shows the send's API call and any webhook Meta sent Kapso about it"))
        }
    }

    @Test func readsTenThousandStatuses() throws {
        let many = (0..<10_000).map { #"{"status":"\#($0 % 2 == 0 ? "sent" : "delivered")","timestamp":"\#(2000 - $0 % 7)"}"# }
        let history = StatusHistory(message: try Self.message("[" + many.joined(separator: ",") + "]", status: "delivered"))
        #expect(history.events.count == 10_000)
        #expect(zip(history.events, history.events.dropFirst()).allSatisfy { ($0.time ?? 0) <= ($1.time ?? 0) })
    }

    static let verdicts: [(String, String, String?, String, MessageVerdict.Severity)] = [
        (#"[{"status":"sent","timestamp":"1000"},\#(failed131026),{"status":"delivered","timestamp":"1002"}]"#, "delivered", nil,
         "delivered 2 s after sending, but a failed 131026 was recorded at 1970-01-01T00:16:41Z (1 s after sending): WhatsApp reported both, so the outcome is not certain; confirm with the contact before any resend",
         .warning),
        (#"[{"status":"delivered","timestamp":"1002"},\#(failed131026),{"status":"sent","timestamp":"1000"}]"#, "delivered", nil,
         "delivered 2 s after sending, but a failed 131026 was recorded at 1970-01-01T00:16:41Z (1 s after sending): WhatsApp reported both, so the outcome is not certain; confirm with the contact before any resend",
         .warning),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1001"},{"status":"failed","timestamp":"1003","errors":[{"code":"131026"}]}]"#,
         "failed", nil,
         "failed 131026 at 1970-01-01T00:16:43Z (3 s after sending), after a delivered at 1970-01-01T00:16:41Z (1 s after sending): WhatsApp reported both, so whether the contact has it is uncertain; ask them before any resend",
         .warning),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"failed","timestamp":"1001","errors":[{"code":null,"title":"Something odd","error_data":{"details":"no more"}}]}]"#,
         "failed", nil, "failed without an error code: Something odd; no more", .bad),
        (#"[{"status":"failed","timestamp":"1001"}]"#, "failed", nil,
         "failed, and Meta gave no error code; the status has no errors[] entry to explain it", .bad),
        (#"[{"status":"failed","timestamp":"1001","errors":[{"code":131026},{"code":131000}]}]"#, "failed", nil,
         "failed: 131026 (message undeliverable) (also 131000); check the number is correct in E.164; by another channel, ask the contact to write to this number, accept the terms and update WhatsApp; do not retry in a loop", .bad),
        // probe3 F10: a generic 131000 before the specific code: the verdict follows the specific one.
        // (131026, not 131053 as before: a media code on this text message now also says it does not fit, tester62 AL18.)
        (#"[{"status":"failed","timestamp":"1001","errors":[{"code":131000},{"code":131026}]}]"#, "failed", nil,
         "failed: 131026 (message undeliverable) (also 131000, listed first: 131000 is Meta's generic \"something went wrong\", "
            + "so the specific code beside it is read as the cause); " + (ErrorCatalog.entry(for: "131026").map { $0.fix } ?? ""), .bad),
        (#"[{"status":"failed","timestamp":"1001","errors":[{"code":999999,"title":"New thing"}]}]"#, "failed", nil,
         "failed: 999999 (New thing); not in kops's catalogue: see \(ErrorCatalog.metaReference)", .bad),
        (#"[{"status":"sent"},{"status":"delivered"}]"#, "delivered", nil,
         "delivered, not read yet (Kapso's status; 2 status events have no timestamp, so where they fall is unknown)", .warning),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered"}]"#, "delivered", nil,
         "delivered, not read yet (Kapso's status; 1 status event has no timestamp, so where it falls is unknown)", .warning),
        ("[]", "pending", nil, "pending for 9 s: Meta has not confirmed the message yet (it normally does within seconds)", .warning),
        ("{}", "sent", nil, "sent 9 s ago, no delivery report yet", .warning),
        ("null", "received", #"[{"code":131051,"title":"Message type unknown"}]"#,
         "received with error 131051 (unsupported message type): the Cloud API does not deliver the type of this message; ask the contact to send it another way; the 24-hour window is open for at least 23 h 59 min more: free-form replies go through",
         .warning),
        ("null", "received", #"[{"title":"Untitled"}]"#,
         "received with error no error code: Untitled: Meta gave no error code, so kops cannot say why the content did not arrive; the 24-hour window is open for at least 23 h 59 min more: free-form replies go through",
         .warning),
    ]

    /// Kapso's own `kapso.status` further along than the history (a failed or read event Kapso never stored,
    /// probe F1): the verdict follows Kapso and says the history is incomplete, never "no delivery report yet".
    static let incompleteHistories: [(String, String, String, MessageVerdict.Severity)] = [
        (#"[{"status":"sent","timestamp":"1000"}]"#, "failed",
         "failed (Kapso's status); the status history stops at sent at 1970-01-01T00:16:40Z (0 s after sending) and holds no "
            + "failed event, so Meta's error code was not recorded; the failed webhook ('deliveries --event "
            + "whatsapp.message.failed') may carry it", .bad),
        (#"[{"status":"sent","timestamp":"1000"}]"#, "read",
         "read by the contact (Kapso's status; the status history stops at sent at 1970-01-01T00:16:40Z (0 s after sending) "
            + "and holds no read event, so when is unknown)", .good),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1004"}]"#, "failed",
         "Kapso's status is failed, but the status history records delivered at 1970-01-01T00:16:44Z (4 s after sending) and "
            + "no failure: whether the contact has it is uncertain; ask them before any resend", .warning),
    ]

    @Test(arguments: incompleteHistories)
    func kapsoStatusAheadOfTheHistoryIsNotInFlight(_ statuses: String, _ status: String, _ text: String, _ severity: MessageVerdict.Severity) throws {
        let message = try Self.message(statuses, status: status)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 9_000)
        #expect(verdict.text == text)
        #expect(verdict.severity == severity)
        #expect(!verdict.text.contains("no delivery report"))
    }

    /// The verdict is the furthest status reached, whatever order the events were stamped or stored in
    /// (probe F24, F24b): same-second ties stored newest first, a late `delivered` after `read`.
    static let unordered: [(String, String, String)] = [
        (#"[{"status":"read","timestamp":"1000"},{"status":"delivered","timestamp":"1000"},{"status":"sent","timestamp":"1000"}]"#,
         "read", "read by the contact 0 s after sending"),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"read","timestamp":"1003"},{"status":"delivered","timestamp":"1005"}]"#,
         "read", "read by the contact 3 s after sending"),
        (#"[{"status":"failed","timestamp":"1001","errors":[{"code":131026}]},{"status":"sent","timestamp":"1002"}]"#,
         "failed", "failed: 131026 (message undeliverable); check the number is correct in E.164; by another channel, ask the contact to write to this number, accept the terms and update WhatsApp; do not retry in a loop"
            // tester48 F1: the `sent` stamped after the failure is named; the failure stands.
            + "; WhatsApp also reported it sent at 1970-01-01T00:16:42Z (2 s after sending), after the failure: 'sent' is no "
            + "news of the phone (only delivered or read is) and neither was reported, so nothing WhatsApp said has it arriving"),
        (#"[{"status":"delivered","timestamp":"1001"},{"status":"sent","timestamp":"1002"}]"#,
         "delivered", "delivered 1 s after sending, not read yet"),
    ]

    /// A status stamped before the send is named implausible, never turned into a positive delay (probe4:
    /// "delivered 2 min after sending" while the table showed -2 min).
    @Test func aStatusBeforeTheSendIsNamedImplausible() throws {
        let message = try Self.message(#"[{"status":"delivered","timestamp":"880"}]"#, status: "delivered")
        let text = MessageVerdict.of(message, windowAtSend: nil, now: 9_000).text
        #expect(text.hasPrefix("delivered 2 min BEFORE sending (an implausible order"))
        #expect(!text.contains("after sending"))
    }

    /// A reaction whose `emoji` is not text cannot be read; only an empty or absent emoji removes one (Meta's
    /// reaction webhook); probe4 saw `"emoji": 123` shown as "reaction removed".
    @Test(arguments: [
        (#"{"message_id":"wamid.A","emoji":123}"#, "reaction to wamid.A with an unreadable emoji (number, not text)"),
        (#"{"message_id":"wamid.A","emoji":["x"]}"#, "reaction to wamid.A with an unreadable emoji (array, not text)"),
        (#"{"message_id":"wamid.A","emoji":""}"#, "reaction removed from wamid.A"),
        (#"{"message_id":"wamid.A"}"#, "reaction removed from wamid.A"),
    ])
    func aReactionWithAWrongTypedEmojiIsUnreadable(_ reaction: String, _ expected: String) throws {
        let text = #"{"id":"wamid.R","timestamp":"1000","type":"reaction","reaction":\#(reaction),"kapso":{"direction":"inbound"}}"#
        let message = try #require(try JSONValue.parse(Array(text.utf8)).object)
        #expect(MessageSummary.text(of: message) == expected)
    }

    @Test(arguments: unordered)
    func verdictIsTheFurthestStatusReached(_ statuses: String, _ status: String, _ text: String) throws {
        let message = try Self.message(statuses, status: status)
        #expect(MessageVerdict.of(message, windowAtSend: nil, now: 9_000).text == text)
        #expect(!MessageVerdict.of(message, windowAtSend: nil, now: 9_000).text.contains("no delivery report"))
    }

    /// Every status word is read by its kind (probe3 F1): `played` (a voice message listened to) is the strongest
    /// confirmation, never "not confirmed"; a word kops does not know is said to be unknown, never "not confirmed".
    static let statusWords: [(String, String, String, MessageVerdict.Severity)] = [
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1002"},{"status":"read","timestamp":"1005"},{"status":"played","timestamp":"1010"}]"#,
         "played", "played by the contact 10 s after sending (a voice message listened to)", .good),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"played","timestamp":"1010"},{"status":"delivered","timestamp":"1002"}]"#,
         "played", "played by the contact 10 s after sending (a voice message listened to)", .good),
        (#"[{"status":"sent","timestamp":"1000"}]"#, "played",
         "played by the contact (Kapso's status; the status history stops at sent at 1970-01-01T00:16:40Z (0 s after sending) "
            + "and holds no played event, so when is unknown)", .good),
        (#"[{"status":"warned","timestamp":"1003"}]"#, "warned",
         "status 'warned' is not one kops knows (pending, sent, delivered, read, played, failed, warning, deleted, received, suppressed), so what it means for the "
            + "message is unknown; the timeline shows what was recorded", .warning),
        ("[]", "queued", "queued for \(Elapsed.text(8_000)), which is not normal: Meta's sent status normally comes within seconds, so "
            + "Meta accepted the send (it answered with this WAMID) but has not sent it yet (held, e.g. for "
            + "quality assessment, or queued) or Kapso never received its status webhooks, and kops cannot tell which; "
            + "'logs search --around wamid.X' shows the send's API call and any webhook Meta sent Kapso about it", .bad),
    ]

    @Test(arguments: statusWords)
    func eachStatusWordIsReadByItsKind(_ statuses: String, _ status: String, _ text: String, _ severity: MessageVerdict.Severity) throws {
        let verdict = MessageVerdict.of(try Self.message(statuses, status: status), windowAtSend: nil, now: 9_000)
        #expect(verdict.text == text)
        #expect(verdict.severity == severity)
    }

    /// An inbound message's window is the contact's: a newer inbound reopens it (probe3 F21); without the contact's
    /// newer messages the verdict says only this message's window is known.
    @Test func anOlderInboundIsJudgedByTheContactsNewestMessage() throws {
        let old = try Self.message("null", status: "received", direction: "inbound")
        let now: Int64 = 1_000 + 30 * 3_600
        #expect(
            MessageVerdict.of(old, windowAtSend: nil, newestInbound: now - 7_200, now: now).text
                == "received; the contact wrote again at 1970-01-02T04:16:40Z, so the 24-hour window is open for 22 h more: free-form replies go through")
        #expect(
            MessageVerdict.of(old, windowAtSend: nil, newestInbound: 1_000, now: now).text
                == "received; the 24-hour window it opened closed 6 h ago: reply with an approved template ('reply --template NAME')")
        #expect(
            MessageVerdict.of(old, windowAtSend: nil, now: now).text
                == "received; the 24-hour window it opened closed 6 h ago (unless the contact wrote since: 'conversation' shows their window): reply with an approved template ('reply --template NAME')")
    }

    /// A failure next to a `played` is a contradiction like one next to a `read`.
    @Test func aPlayedAndAFailureContradict() throws {
        let statuses = #"[{"status":"sent","timestamp":"1000"},\#(Self.failed131026),{"status":"played","timestamp":"1004"}]"#
        let history = StatusHistory(message: try Self.message(statuses, status: "played"))
        #expect(history.conflict?.success.status == "played")
    }

    @Test func sameSecondTiesAreShownInStatusOrder() throws {
        let history = StatusHistory(message: try Self.message(Self.unordered[0].0, status: "read"))
        #expect(history.events.map(\.status) == ["sent", "delivered", "read"])
        #expect(!history.outOfOrder)
        #expect(StatusHistory(message: try Self.message(Self.unordered[1].0, status: "read")).outOfOrder)
    }

    /// Meta answered 131047 while the inbound kops found says the window was open (probe F22): say so.
    @Test func a131047WithAnOpenWindowSaysTheEvidenceDisagrees() throws {
        let message = try Self.message(#"[{"status":"failed","timestamp":"1001","errors":[{"code":131047}]}]"#, status: "failed")
        let verdict = MessageVerdict.of(message, windowAtSend: ServiceWindow(lastInbound: 700, at: 1_000), now: 9_000)
        #expect(verdict.text.hasPrefix("failed: 131047 (Meta: 24-hour window closed), yet the contact's last inbound here was 5 min before the send"))
    }

    /// Timestamps that are there but cannot be this message's time (probe F2): `0`, text, and milliseconds of another
    /// time than the message's (milliseconds of its own time are read: probe23 P23-4).
    @Test(arguments: [
        (#""1595255620000""#, "1595255620000"), (#""0""#, "0"), (#"1595255620000"#, "1595255620000"), (#""soon""#, "soon"),
    ])
    func implausibleTimestampsAreUnusableNotTimes(_ stamp: String, _ shown: String) throws {
        let text =
            #"{"id":"wamid.X","timestamp":"1795255600","type":"text","text":{"body":"hi"},"kapso":{"direction":"outbound","#
            + #""status":"delivered","statuses":[{"status":"sent","timestamp":"1795255600"},{"status":"delivered","timestamp":\#(stamp)}]}}"#
        let message = try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
        let history = StatusHistory(message: message)
        #expect(history.untimedCount == 1)
        #expect(history.unusable.map(\.unusableTimestamp) == [shown])
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text == "delivered, not read yet (Kapso's status; 1 status event has no usable timestamp, so where it falls is unknown)")
        #expect(verdict.severity == .warning)
    }

    /// A status's time is read as its message's is (`MessageTime`: Unix seconds), and also from an ISO-8601 time or 13
    /// digits of milliseconds at the message's time (probe23 P23-4: those were "unusable"); `0` and text are unusable,
    /// shown as given.
    @Test(arguments: [
        ("1795255610", 1_795_255_610), ("2026-11-21T10:06:50Z", 1_795_255_610), ("1795255610000", 1_795_255_610), ("0", nil),
        ("soon", nil),
    ] as [(String, Int64?)])
    func statusTimesAreReadAsMessageTimes(value: String, expected: Int64?) throws {
        let text =
            #"{"id":"wamid.X","timestamp":"1795255600","type":"text","text":{"body":"hi"},"kapso":{"direction":"outbound","#
            + #""status":"delivered","statuses":[{"status":"delivered","timestamp":"\#(value)"}]}}"#
        let history = StatusHistory(message: try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object)))
        #expect(history.events.map(\.time) == [expected])
        #expect(history.unusable.map(\.unusableTimestamp) == (expected == nil ? [value] : []))
    }

    /// probe3 F9: a received edit or poll is named, and an edit is not "ask the contact to send it another way".
    @Test func aReceivedEditOrPollIsNamedNotLostContent() throws {
        func verdict(_ kind: String) throws -> MessageVerdict {
            let text = #"{"id":"wamid.X","timestamp":"1000","type":"unsupported","unsupported":{"type":"\#(kind)"},"#
                + #""errors":[{"code":131051,"title":"Message type unknown"}],"kapso":{"direction":"inbound","status":"received"}}"#
            let message = try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
            return MessageVerdict.of(message, windowAtSend: nil, now: 1_009)
        }
        let edit = try verdict("edit")
        #expect(edit.text.hasPrefix("received with error 131051 (unsupported message type): the contact edited an earlier message; "
            + "the Cloud API does not deliver edits, so the earlier message stays as first received"))
        #expect(!edit.text.contains("send it another way"))
        #expect(edit.severity == .good)
        let poll = try verdict("poll")
        #expect(poll.text.contains("the contact sent a poll; the Cloud API does not deliver polls"))
        #expect(poll.severity == .warning)
    }

    @Test(arguments: verdicts)
    func verdictSaysWhatTheHistorySays(_ statuses: String, _ status: String, _ errors: String?, _ text: String, _ severity: MessageVerdict.Severity) throws {
        let direction = status == "received" ? "inbound" : "outbound"
        let message = try Self.message(statuses, status: status, errors: errors, direction: direction)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_009)
        #expect(verdict.text == text)
        #expect(verdict.severity == severity)
    }

    @Test(arguments: [
        (#"{"code":131051,"title":"Message type unknown"}"#, "131051", "131051 Message type unknown"),
        (#"{"code":"131051","message":"Message type unknown"}"#, "131051", "131051 Message type unknown"),
        (##"{"code":"#131047"}"##, "131047", "131047"),
        (#"{"code":null,"title":"Odd","error_data":{"details":"Odd detail"}}"#, nil, "no error code: Odd; Odd detail"),
        (#"{"code":""}"#, nil, "no error code: the error entry is empty"),
        (#"{"code":1.5e6}"#, "1500000", "1500000"),
        (#"{"code":true,"message":"x"}"#, nil, "no error code: x"),
        // probe7 P7-9: Graph's `(#CODE) text` form in the title or message of an entry without a code.
        (#"{"title":"(#131026) Message undeliverable"}"#, "131026", "131026 (#131026) Message undeliverable"),
        (#"{"code":null,"message":"(#131049) held back"}"#, "131049", "131049 (#131049) held back"),
        (#"{"title":"Retry after (#4) minutes"}"#, nil, "no error code: Retry after (#4) minutes"),
        (#"{"title":"(#12a) odd"}"#, nil, "no error code: (#12a) odd"),
    ])
    func readsEveryErrorShape(_ json: String, _ code: String?, _ headline: String) throws {
        let error = try #require(MessageError(json: try JSONValue.parse(Array(json.utf8))))
        #expect(error.code == code)
        #expect(error.headline == headline)
        if code == nil { #expect(!error.next.contains("explain")) }
    }
}
