import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe45 P45-15: `webhooks update ID --events X` and `--headers JSON` replaced the webhook's whole list (Kapso's
/// PATCH does), so adding one event silently dropped the others and their deliveries stopped. A change that removes
/// events or headers is now said and asked about at a terminal, refused elsewhere without `--yes`; `--add-events` and
/// `--remove-events` change the list the webhook has. Demo webhook `supportMessages`: the five message events and one
/// custom header, X-Acme-Env.
@Suite struct WebhookUpdateListTests {
    static let support = "100200300400501"
    static let hook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    static let allFive = "whatsapp.message.received, whatsapp.message.sent, whatsapp.message.delivered, whatsapp.message.read, whatsapp.message.failed"

    /// The `events:` line of `webhooks get`.
    static func events(_ out: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix("events:") }.map { String($0.dropFirst("events:".count).drop { $0 == " " }) }
    }

    @Test func eventsThatDropOthersAreRefusedWhereNoOneCanBeAsked() async throws {
        let runs = try await runDemo(
            ["webhooks update \(Self.hook) --events whatsapp.message.received,whatsapp.conversation.created", "webhooks get \(Self.hook)"],
            number: Self.support)
        #expect(runs[0].err == """
            error: webhooks: update of webhook \(Self.hook) would remove 4 events (whatsapp.message.sent, \
            whatsapp.message.delivered, whatsapp.message.read, whatsapp.message.failed), as --events replaces the whole list \
            (it keeps whatsapp.message.received; adds whatsapp.conversation.created); not at a terminal, so kops cannot ask, \
            and nothing was sent; to add without removing: webhooks update \(Self.hook) --add-events \
            whatsapp.conversation.created; to replace as typed, add --yes

            """)
        #expect(runs[0].out == "")
        #expect(runs[0].status == 64)
        #expect(Self.events(runs[1].out) == Self.allFive)
    }

    @Test func aTerminalIsAskedAndNoKeepsTheList() async throws {
        let asked = Asked(answer: false)
        let runs = try await runDemo(
            ["webhooks update \(Self.hook) --events whatsapp.message.failed", "webhooks get \(Self.hook)"],
            number: Self.support, interactive: true, confirm: asked.confirm)
        #expect(asked.questions == [
            "webhook \(Self.hook) (https://hooks.acme-demo.test/kapso/whatsapp): --events replaces the whole list: removes "
                + "whatsapp.message.received, whatsapp.message.sent, whatsapp.message.delivered, whatsapp.message.read; keeps "
                + "whatsapp.message.failed; deliveries lose what is removed. update it? [y/N] "
        ])
        #expect(runs[0].out == "not updated; to remove just those: webhooks update \(Self.hook) --remove-events "
            + "whatsapp.message.received,whatsapp.message.sent,whatsapp.message.delivered,whatsapp.message.read; to replace as typed, add --yes\n")
        #expect(Self.events(runs[1].out) == Self.allFive)
    }

    @Test func yesAtTheTerminalUpdatesAndSaysWhatWasRemoved() async throws {
        let runs = try await runDemo(
            ["webhooks update \(Self.hook) --events whatsapp.message.received,whatsapp.conversation.created"],
            number: Self.support, interactive: true, confirm: Asked(answer: true).confirm)
        #expect(runs[0].out.hasPrefix("""
            updated webhook \(Self.hook): events: whatsapp.message.received, whatsapp.conversation.created (removed \
            whatsapp.message.sent, whatsapp.message.delivered, whatsapp.message.read, whatsapp.message.failed; added \
            whatsapp.conversation.created)

            """))
        #expect(runs[0].status == 0)
    }

    @Test(arguments: [
        // What the engineer meant: one event more, the others kept, nothing asked.
        ("--add-events whatsapp.conversation.created", allFive + ", whatsapp.conversation.created"),
        ("--remove-events whatsapp.message.read,whatsapp.message.delivered",
         "whatsapp.message.received, whatsapp.message.sent, whatsapp.message.failed"),
        ("--add-events whatsapp.conversation.* --remove-events whatsapp.message.read",
         "whatsapp.message.received, whatsapp.message.sent, whatsapp.message.delivered, whatsapp.message.failed, "
            + "whatsapp.conversation.created, whatsapp.conversation.ended, whatsapp.conversation.inactive"),
        // A superset given whole drops nothing: no question either.
        ("--events whatsapp.message.*,whatsapp.conversation.ended", allFive + ", whatsapp.conversation.ended"),
        // The consent given on the line.
        ("--events whatsapp.message.failed --yes", "whatsapp.message.failed"),
    ])
    func changesThatDropNothingUnaskedGoThrough(flags: String, events: String) async throws {
        let asked = Asked(answer: false)
        let runs = try await runDemo(
            ["webhooks update \(Self.hook) \(flags)", "webhooks get \(Self.hook)"], number: Self.support, confirm: asked.confirm)
        #expect(runs[0].err == "")
        #expect(runs[0].status == 0)
        #expect(Self.events(runs[1].out) == events)
        #expect(asked.questions.isEmpty)
    }

    @Test(arguments: [
        ("--remove-events whatsapp.conversation.created",
         "error: webhooks: invalid value for --remove-events 'whatsapp.conversation.created'; expected an event webhook \(hook) "
            + "is subscribed to; it has: whatsapp.message.received, whatsapp.message.sent, whatsapp.message.delivered, "
            + "whatsapp.message.read, whatsapp.message.failed\n"),
        ("--remove-events whatsapp.message.recieved",
         "error: webhooks: invalid value for --remove-events 'whatsapp.message.recieved'; expected an event webhook \(hook) "
            + "is subscribed to (did you mean whatsapp.message.received?); it has: whatsapp.message.received, whatsapp.message.sent, "
            + "whatsapp.message.delivered, whatsapp.message.read, whatsapp.message.failed\n"),
        ("--remove-events whatsapp.message.*",
         "error: webhooks: invalid value for --remove-events 'whatsapp.message.*'; expected an event to stay: it would leave "
            + "webhook \(hook) with none, and a kapso webhook needs one; to stop its deliveries: webhooks update \(hook) "
            + "--active false (or webhooks delete \(hook))\n"),
        ("--add-events whatsapp.account.disabled",
         "error: webhooks: invalid event for phone-number webhook \(hook) 'whatsapp.account.disabled'; expected phone-number "
            + "events only (whatsapp.account.disabled reaches only project webhooks, never a phone-number webhook; create a "
            + "project webhook for it with 'webhooks create --scope project')\n"),
    ])
    func editsThatCannotApplyAreRefusedBeforeThePatch(flags: String, error: String) async throws {
        let runs = try await runDemo(["webhooks update \(Self.hook) \(flags)", "webhooks get \(Self.hook)"], number: Self.support)
        #expect(runs[0].err == error)
        #expect(runs[0].status == 64)
        #expect(Self.events(runs[1].out) == Self.allFive)
    }

    @Test(arguments: [
        ("--events whatsapp.message.sent --add-events whatsapp.message.read",
         "error: webhooks: invalid use of --events '--add-events'; expected either --events (the whole new list) or "
            + "--add-events/--remove-events (changes to the list it has), not both\n"),
        ("--add-events whatsapp.message.read --remove-events whatsapp.message.*",
         "error: webhooks: invalid event in both --add-events and --remove-events 'whatsapp.message.read'; expected each event in one of them\n"),
        ("--add-events all",
         "error: webhooks: invalid value for --add-events 'all'; expected event names or a pattern like whatsapp.message.* "
            + "on update ('all' depends on the webhook's scope; use it with create)\n"),
        ("--add-events whatsapp.message.recieved",
         "error: webhooks: unknown event 'whatsapp.message.recieved'; did you mean 'whatsapp.message.received'? ('payload sample' lists the events)\n"),
    ])
    func badEditFlagsAreRefusedBeforeAnyRequest(flags: String, error: String) async throws {
        let ran = try await runDemo("webhooks update \(Self.hook) \(flags)", number: Self.support)
        #expect(ran.err == error)
        #expect(ran.status == 64)
    }

    @Test func addingWhatItHasSendsNothing() async throws {
        let ran = try await runDemo("webhooks update \(Self.hook) --add-events whatsapp.message.sent", number: Self.support)
        #expect(ran.out == "nothing to change: webhook \(Self.hook) already has the events (\(Self.allFive)); nothing was sent\n")
        #expect(ran.status == 0)
    }

    @Test func anEventListOnAMetaWebhookIsRefused() async throws {
        let meta = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
        let ran = try await runDemo("webhooks update \(meta) --add-events whatsapp.message.read", number: Self.support)
        #expect(ran.err == "error: webhooks: invalid flag for meta webhook \(meta) '--add-events'; expected no event list: a meta webhook forwards every payload Meta sends for its number (kind kapso has events)\n")
        #expect(ran.status == 64)
    }

    /// Headers: names compared without case, values never shown.
    @Test func headersThatDropOneAreRefusedAndSameNamesInAnyCaseAreKept() async throws {
        let runs = try await runDemo(
            [
                "webhooks update \(Self.hook) --headers '{\"X-Trace\":\"on\"}'", "webhooks get \(Self.hook)",
                "webhooks update \(Self.hook) --headers '{\"x-acme-env\":\"staging\",\"X-Trace\":\"on\"}'",
            ], number: Self.support)
        #expect(runs[0].err == """
            error: webhooks: update of webhook \(Self.hook) would remove header X-Acme-Env, as --headers replaces every \
            custom header (it keeps none; adds X-Trace); not at a terminal, so kops cannot ask, and nothing was \
            sent; to keep the headers, give each of them in --headers with its value; to replace as typed, add --yes

            """)
        #expect(runs[0].status == 64)
        #expect(runs[1].out.contains("headers:   X-Acme-Env (values not shown)\n"))
        #expect(runs[2].status == 0)
        #expect(runs[2].out.hasPrefix("updated webhook \(Self.hook): headers: x-acme-env, X-Trace (values not shown) (added X-Trace)\n"))
        #expect(!runs[2].out.contains("staging"))
    }
}

extension WebhookUpdateListTests {
    /// The "y" is the user's consent, recorded as `--yes` on the transcript's line (as `delete`'s, probe18 P18-20), so
    /// `kops check --allow-writes`, where no one is asked, replays the update instead of refusing it.
    @Test func aConfirmedUpdateIsRecordedWithYesAndReplays() async throws {
        let line = "webhooks update \(Self.hook) --events whatsapp.message.failed"
        let (transcript, restore) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.support)
            shell.context.isInteractive = true
            let asked = Asked(answer: true)
            shell.context.confirm = asked.confirm
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: line)
            #expect(asked.questions.count == 1)
            return (recorder.text, recorder.restore)
        }
        #expect(transcript.contains("> \(line) --yes\nupdated webhook \(Self.hook): events: whatsapp.message.failed (removed "), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.support)
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: true)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }
}

/// A `confirm` that answers `answer` and keeps the questions asked.
final class Asked: @unchecked Sendable {
    let answer: Bool
    private(set) var questions: [String] = []

    init(answer: Bool) { self.answer = answer }

    var confirm: @Sendable (String) -> Bool {
        { [self] question in
            questions.append(question)
            return answer
        }
    }
}
