import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester58b AE2: what kops writes into a transcript depended on whether standard output was a terminal. `webhooks
/// check` put each command of a long fix on a line of its own at a terminal only, and `deliveries stats` drew its bars
/// at a terminal only, so a transcript recorded at a terminal said "output changed" when checked in CI or a pipe, and
/// one recorded in a pipe said so when checked at a terminal. The renderer lays both out now, at its width: the page
/// (and a pipe) gets one form wherever the command ran.
@Suite struct AE2TerminalIndependentTranscriptTests {
    /// `shell` as `kops` sets it up when standard output (and standard error) is a terminal `width` columns wide; a
    /// pipe (`nil`) leaves it as the fixture made it.
    static func atTerminal(_ shell: Shell, width: Int?) {
        guard let width else { return }
        shell.renderer = Renderer(width: width)
        shell.terminalWidth = { width }
        shell.errorWidth = { width }
        shell.context.terminalWidth = { width }
        shell.context.isInteractive = true
    }

    /// `lines` recorded on a fresh demo simulator at a terminal `width` columns wide (`nil`: a pipe): the transcript and
    /// what the terminal showed.
    static func record(_ lines: [String], width: Int?) async throws -> (transcript: String, terminal: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            atTerminal(shell, width: width)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return (recorder.text, output.out)
        }
    }

    /// `transcript` checked on a fresh demo simulator at a terminal `width` columns wide (`nil`: a pipe, CI).
    static func check(_ transcript: String, width: Int?) async throws -> [String] {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            atTerminal(shell, width: width)
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell).diff
        }
    }

    static let sessions = [
        ["use 100200300400502", "webhooks check"],
        ["use 100200300400501", "deliveries stats"],
    ]

    /// Recorded at one width (or in a pipe), checked at another: no difference, either way round.
    @Test(arguments: sessions, [(80, nil), (nil, 80), (80, 200), (200, 80), (nil, 200)] as [(Int?, Int?)])
    func aTranscriptChecksTheSameAtAnyTerminalAndInAPipe(lines: [String], widths: (recorded: Int?, checked: Int?)) async throws {
        let recorded = try await Self.record(lines, width: widths.recorded)
        let diff = try await Self.check(recorded.transcript, width: widths.checked)
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }

    /// The page is the same whatever the terminal; the terminal keeps its own layout: the fix's commands each on a line
    /// of their own at 80 columns, and the bars.
    @Test(arguments: sessions)
    func thePageIsTheSameAndTheTerminalKeepsItsLayout(lines: [String]) async throws {
        let body = { (text: String) in String(text[text.range(of: "```kops")!.lowerBound...]) }
        let narrow = try await Self.record(lines, width: 80)
        let piped = try await Self.record(lines, width: nil)
        #expect(body(narrow.transcript) == body(piped.transcript))
        #expect(!narrow.transcript.contains("█"))
        if lines.last == "deliveries stats" {
            #expect(narrow.terminal.contains("█"), "\(narrow.terminal)")
            #expect(!piped.terminal.contains("█"))
        } else {
            let commandLine = { (text: String) in
                text.split(separator: "\n").contains { $0.hasPrefix("       webhooks create --url ") }
            }
            #expect(commandLine(narrow.terminal), "\(narrow.terminal)")
            #expect(!commandLine(narrow.transcript), "\(narrow.transcript)")
        }
    }
}
