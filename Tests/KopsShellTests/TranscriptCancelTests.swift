import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A command stopped with Ctrl-C while recording (probe7 P7-11): `kops check` keeps its block as recorded and
/// names it, instead of running it to an end the recording never saw; the masked aliases of later commands
/// stay as recorded.
@Suite struct TranscriptCancelTests {
    /// Records `lines` on Support Line, masked, with the first request whose URL contains `cancelling` stopped as
    /// Ctrl-C stops it; then replays the transcript with `kops check` on a fresh simulator.
    /// With `pressed`, the context says Ctrl-C was pressed once the request was stopped, as the terminal layer does.
    private func recordAndCheck(_ lines: [String], cancelling: String, pressed: Bool = false, afterSending: Bool = false)
        async throws -> (transcript: String, outcome: TranscriptChecker.Outcome)
    {
        let (transcript, restore) = try await withSimulator { fixture in
            let shell = try CancellingTransport.shell(
                on: fixture, cancelling: cancelling, pressed: pressed, afterSending: afterSending)
            let context = shell.context
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: context, keepPII: false), destination: .memory, context: context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return (recorder.text, recorder.restore)
        }
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell)
        }
        return (transcript, outcome)
    }

    @Test func aCancelledCommandIsKeptAndTheRestReplaysClean() async throws {
        let (transcript, outcome) = try await recordAndCheck(
            ["deliveries --limit 3", "messages --limit 3", "errors --flat"], cancelling: "/webhook_deliveries")
        #expect(transcript.contains("> deliveries --limit 3\nerror: cancelled\n```"), "\(transcript)")
        #expect(transcript.contains("<body 1>"), "later commands mask bodies: \(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.command) == ["deliveries --limit 3"])
        #expect(outcome.keptAsRecorded.first?.reason == "it was stopped with Ctrl-C when recorded")
    }

    /// The kept line's own masked id (`trace <message 1>`) keeps its alias in the replay, so the messages listed
    /// after it are numbered as recorded (probe8 P8-7: every later `<message N>` was one lower).
    @Test func aCancelledLineKeepsTheAliasItTook() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        let (transcript, outcome) = try await recordAndCheck(["trace \(wamid)", "messages --limit 3"], cancelling: "/messages")
        #expect(transcript.contains("> trace <message 1>\nerror: cancelled\n```"), "\(transcript)")
        #expect(transcript.contains("<message 2>"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.command) == ["trace <message 1>"])
    }

    /// probe16 P16-6: Ctrl-C during `trace` stops one of its look-ups, which it shows as `not loaded: cancelled` rather
    /// than failing; the block says it was interrupted, and `kops check` keeps it instead of diffing the whole trace.
    /// (Aliases its partial output took, `<body 1>`, are not learned from the kept block: a later list that shows the
    /// same body masked numbers it anew, as after any kept block.)
    @Test func anInterruptedTraceIsMarkedAndKept() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        let (transcript, outcome) = try await recordAndCheck(
            ["trace \(wamid)", "numbers"], cancelling: "/conversations", pressed: true)
        #expect(transcript.contains("cancelled"), "\(transcript)")
        #expect(!transcript.contains("error: cancelled"), "trace shows the cancelled look-up, it does not fail: \(transcript)")
        #expect(transcript.contains("\n" + TranscriptRecorder.interruptedLine + "\n```\n"), "\(transcript)")
        #expect(transcript.components(separatedBy: TranscriptRecorder.interruptedLine).count == 2, "only the trace block")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.command) == ["trace <message 1>"])
        #expect(outcome.keptAsRecorded.first?.reason == "it was stopped with Ctrl-C when recorded")
    }

    /// tester51 N8: a `reply` stopped with Ctrl-C after its request went out was "stopped with Ctrl-C", and the `messages`
    /// after it, which showed the reply, differed with "record the session again" (which records the same Ctrl-C). Its
    /// outcome is unknown: it is named so, not sent again, counted as such, and the advice for the blocks after it says
    /// that no replay renews them.
    @Test func aWriteStoppedAfterItsRequestWentOutIsAnUnknownOutcome() async throws {
        let (transcript, outcome) = try await recordAndCheck(
            ["reply --to 14155550142 'are you there?'", "messages --limit 2"], cancelling: "/messages", afterSending: true)
        #expect(transcript.contains("error: cancelled (the request had been sent; it may have taken effect)\n```"), "\(transcript)")
        let reply = try #require(outcome.keptAsRecorded.first, "\(transcript)")
        #expect(reply.command.hasPrefix("reply --to"), "\(outcome.keptAsRecorded)")
        #expect(
            reply.reason == "its request was sent when recorded but its answer was not seen (stopped with Ctrl-C), so whether "
                + "it took effect is unknown; check does not send it again, and later blocks may show its effect")
        #expect(outcome.unansweredWrites == [reply.line])
        #expect(outcome.dependedOnIsUnanswered, "\(outcome.diff)")
        #expect(outcome.notReplayed?.kinds == "1 write with an unknown outcome when recorded", "\(String(describing: outcome.notReplayed))")
    }

    /// tester52b K7: `kops check` named such a write twice, "'… --allow-writes' sends it again" (as a write not replayed)
    /// and then "check does not send it again" (as a block kept): a write kept as recorded is not sent by
    /// `--allow-writes` either, so it is named once, with why it is kept. Stopped before its request went out too.
    @Test(arguments: [true, false])
    func aWriteStoppedWithCtrlCIsNamedOnce(afterSending: Bool) async throws {
        let (transcript, outcome) = try await recordAndCheck(
            ["reply --to 14155550142 'are you there?'", "messages --limit 2"], cancelling: "/messages", pressed: true,
            afterSending: afterSending)
        let reply = try #require(outcome.keptAsRecorded.first { $0.command.hasPrefix("reply --to") }, "\(transcript)")
        #expect(!outcome.writesNotReplayed.contains { $0.line == reply.line }, "\(outcome.writesNotReplayed)")
    }

    /// A command stopped by a `cancelled` error says so in its own last line: no mark is added.
    @Test func aCancelledErrorGetsNoSecondMark() async throws {
        let (transcript, _) = try await recordAndCheck(["deliveries --limit 3"], cancelling: "/webhook_deliveries", pressed: true)
        #expect(transcript.contains("> deliveries --limit 3\nerror: cancelled\n```"), "\(transcript)")
        #expect(!transcript.contains(TranscriptRecorder.interruptedLine))
    }
}

/// Stops the first request whose URL contains `when` as Ctrl-C stops it; sends every other one.
final class CancellingTransport: HTTPTransport {
    /// A shell on Support Line of `fixture`'s simulator whose first request with `cancelling` in its URL is stopped as
    /// Ctrl-C stops it; with `pressed`, the context counts that press, as the terminal layer does.
    /// With `afterSending`, the request reaches the simulator (and takes effect) before it is stopped, as Ctrl-C after
    /// the request went out leaves it.
    static func shell(
        on fixture: SimulatorFixture, cancelling: String, pressed: Bool, afterSending: Bool = false,
        output: BufferOutput = BufferOutput()
    ) throws -> Shell {
        let transport = CancellingTransport(
            inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")), when: cancelling)
        transport.afterSending = afterSending
        let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
        let context = ShellContext(
            session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client, registry: .standard)
        if pressed { context.interruptPresses = { transport.presses } }
        return Shell(context: context, renderer: Renderer(), output: output)
    }

    private let inner: any HTTPTransport
    private let when: String
    private var stopped = false
    /// Ctrl-C presses so far: one when the request was stopped.
    var presses = 0
    /// Sends the stopped request before stopping it (`.cancelled(sent: true)`).
    var afterSending = false

    init(inner: any HTTPTransport, when: String) {
        self.inner = inner
        self.when = when
    }

    var observer: (@Sendable (HTTPExchange) -> Void)? {
        get { inner.observer }
        set { inner.observer = newValue }
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if !stopped, request.url.contains(when), !afterSending || request.isWrite {
            stopped = true
            presses += 1
            // After sending: the write it stops (reads go through), as a reply's POST reaches Kapso before Ctrl-C.
            if afterSending { _ = try inner.send(request) }
            throw .cancelled(sent: afterSending)
        }
        return try inner.send(request)
    }
}
