import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// A demo simulator's clock for a test: each recorded block reads `now`, which a replay moves (`moveSimulatorClock`).
private final class TestClock: @unchecked Sendable {
    var now: Int64 = 1_795_262_400_000_000
    var moved: [Int64] = []
}

/// probe41 P41-4: a note typed between a block's `<!-- clock: … -->` line and its fence (invisible in rendered Markdown,
/// the most natural edit in a ticket) detached the clock: the block replayed at the previous block's instant, the
/// transcript stopped replaying, and `--update` wrote that earlier instant above it. Notes anywhere outside fences are
/// kept as written, the clock stays its block's, and a block without a clock line is named and gets none added.
@Suite struct TranscriptNoteClockTests {
    private static let lines = ["use 100200300400501", "messages --limit 1", "health"]

    /// Records `lines` on a demo-like clock that moves 65 s between blocks, edits the page with `edit`, and replays it on
    /// a fresh shell whose clock the replay moves: the edited page, the outcome and the instants the replay moved to.
    private func recordEditReplay(_ edit: @escaping @Sendable (String) -> String) async throws
        -> (page: String, outcome: TranscriptChecker.Outcome, recorded: [Int64], moved: [Int64])
    {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            let clock = TestClock()
            var recorded: [Int64] = []
            shell.context.simulatorClock = {
                clock.now += 65_000_000
                recorded.append(clock.now)
                return clock.now
            }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in Self.lines { shell.run(line: line) }
            shell.recorder = nil
            let page = edit(recorder.text)
            let (fresh, _) = try fixture.shell()
            let replayClock = TestClock()
            fresh.context.simulatorClock = { replayClock.now }
            fresh.context.moveSimulatorClock = {
                replayClock.now = $0
                replayClock.moved.append($0)
            }
            let restore = recorder.restore
            let outcome = try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: fresh)
            return (page, outcome, recorded, replayClock.moved)
        }
    }

    /// A note above the last block (between its clock line and fence) and one above the first.
    private static func withNotes(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        for command in ["health", "use 100200300400501"] {
            guard let prompt = lines.firstIndex(where: { $0.hasSuffix("> " + command) }) else { continue }
            lines.insert(contentsOf: ["Ops note: the CRM stopped getting events at 18:40 (\(command)).", ""], at: prompt - 1)
        }
        return lines.joined(separator: "\n")
    }

    @Test func aNoteAboveABlockKeepsItsClockAndReplays() async throws {
        let made = try await recordEditReplay(Self.withNotes)
        #expect(made.page.contains("-->\nOps note: the CRM stopped getting events at 18:40 (health).\n\n```kops\n"), "\(made.page)")
        #expect(made.recorded.count == 3)
        // Each block ran at its own recorded instant, the one above the note included.
        #expect(made.moved == made.recorded, "\(made.moved) \(made.recorded)")
        #expect(made.outcome.diff.isEmpty, "\(made.outcome.diff.joined(separator: "\n"))")
        #expect(made.outcome.unclocked.isEmpty)
        // What --update would write is the page as it is: both notes where they were, no clock line added or moved.
        #expect(made.outcome.actual == made.page, "\(made.outcome.actual)")
        let parsed = TranscriptParser(made.page)
        #expect(parsed.commands.map(\.clock) == made.recorded.map { Optional($0) })
        #expect(parsed.commands.map(\.clockInLead) == [true, false, true])
    }

    @Test func blocksWithoutAClockLineAreNamedAndGetNone() async throws {
        // A ticket system that strips HTML comments: every clock line gone.
        let made = try await recordEditReplay { text in
            text.components(separatedBy: "\n").filter { !$0.hasPrefix("<!-- clock: ") }.joined(separator: "\n")
        }
        #expect(!made.page.contains("<!-- clock: "))
        #expect(made.outcome.unclocked.map(\.command) == Self.lines, "\(made.outcome.unclocked)")
        #expect(made.moved.isEmpty)
        #expect(!made.outcome.actual.contains("<!-- clock: "), "no clock line it did not record: \(made.outcome.actual)")
        #expect(!made.outcome.updated.contains("<!-- clock: "))
    }

    /// A clock line over a block indented 4 spaces (not read) stays with that text; the next block keeps its own clock.
    @Test func theNearestClockLineAboveABlockIsItsOwn() {
        let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "kapso-demo", kind: .demo, phoneNumberID: nil)
        let first = TranscriptClock.line(1_795_262_400_000_000), second = TranscriptClock.line(1_795_262_465_000_000)
        let text = header.markdown + first + "\n```kops\nkops(default)> numbers\n```\n\n" + first
            + "\n    ```kops\n    kops(default)> health\n    ```\n\n" + second + "\nnote\n```kops\nkops(default)> state\n```\n"
        let parsed = TranscriptParser(text)
        #expect(parsed.commands.map(\.clock) == [1_795_262_400_000_000, 1_795_262_465_000_000])
        #expect(parsed.commands.last?.lead == first + "\n    ```kops\n    kops(default)> health\n    ```\n\n" + second + "\nnote\n")
        // The text ends at its fence: no blank line after it, as written (tester57 AB4, `Entry.separated`).
        #expect(parsed.commands.last?.block == "```kops\nkops(default)> state\n```\n", "no clock line in it: it is in the lead")
    }
}

/// probe42 P42-10: `record stop` then `record FILE --append` in the same session was written as "appended: another
/// session", and the same message got a new alias, so `trace ${m}` read as another message than `m = <message 1>`.
@Suite struct SameSessionAppendTests {
    @Test func anAppendInTheSameSessionSaysSoAndKeepsItsAliases() async throws {
        let (file, hint, diff) = try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-same-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.path + "/t.md"
            let (shell, output) = try fixture.shell()
            for line in [
                "record \(path)", "use 100200300400501", "messages --limit 1", "capture .data[0].id as m", "record stop",
            ] { shell.run(line: line) }
            let (out, err) = (output.out.count, output.err.count)
            shell.run(line: "record \(path) --append")
            let hint = String(output.out.dropFirst(out)) + String(output.err.dropFirst(err))
            for line in ["trace ${m}", "record stop"] { shell.run(line: line) }
            let file = try String(contentsOfFile: path, encoding: .utf8)
            let outcome = try TranscriptChecker(expected: file, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.shell().shell)
            return (file, hint, outcome.diff)
        }
        let parts = file.components(separatedBy: "<!-- appended: ")
        #expect(parts.count == 2)
        #expect(parts[0].contains("m = <message 1>\n"), "\(parts[0])")
        #expect(parts[1].hasPrefix("the same session, after 'record stop', profile default, phone number id 100200300400501"), "\(parts[1])")
        #expect(parts[1].contains("> trace <message 1>\n"), "one message, one placeholder: \(parts[1])")
        #expect(parts[1].contains("\ncontent:      <body 1>\n") && !parts[1].contains("<body 2>"), "\(parts[1])")
        #expect(hint.contains("continuing this session's recording (the same placeholders)"), "\(hint)")
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }

    /// Once another session appended to the file, this session's append is another part again, with aliases after
    /// the file's.
    @Test func anAppendAfterAnotherSessionsIsAnotherPart() async throws {
        let file = try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-same-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.path + "/t.md"
            let (shell, _) = try fixture.shell()
            for line in ["record \(path)", "use 100200300400501", "messages --limit 1", "record stop"] { shell.run(line: line) }
            let (other, _) = try fixture.shell()
            for line in ["record \(path) --append", "numbers", "record stop"] { other.run(line: line) }
            for line in ["record \(path) --append", "messages --limit 1", "record stop"] { shell.run(line: line) }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let parts = file.components(separatedBy: "<!-- appended: ")
        #expect(parts.count == 3)
        #expect(parts[1].hasPrefix("another session, ") && parts[2].hasPrefix("another session, "), "\(file)")
    }
}

/// probe42 P42-2: the phone-number ids a transcript used tell the project it was recorded on.
@Suite struct RecordedProjectTests {
    @Test func theNumbersARecordingUsedAreReadFromItsPage() {
        let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "api.kapso.ai", kind: .kapso, phoneNumberID: "100200300400502")
        let text = header.markdown + "```kops\nkops(default:…0502)> use 100200300400501\nusing 100200300400501 (+1 415-555-0100, Support Line)\n```\n\n"
            + "```kops\nkops(default:…0501)> use 999\nerror: no phone number in this project matches '999'\n```\n\n"
            + TranscriptParser.appendedLine(profile: "default", phoneNumberID: "100200300400777") + "\n\n"
            + "```kops\nkops(default:…0777)> numbers\n```\n"
        #expect(TranscriptChecker.recordedNumbers(in: text) == ["100200300400502", "100200300400501", "100200300400777"])
        var demo = header
        demo.kind = .demo
        #expect(TranscriptChecker.recordedNumbers(in: demo.markdown).isEmpty, "a demo transcript replays on its own data")
    }

    @Test(arguments: [
        (["100200300400501"], ["108877665544322", "108877665544321"], true),
        (["100200300400501", "100200300400502"], ["100200300400502"], false),
        (["100200300400501"], ["100200300400501"], false),
        (["100200300400501"], [], true),
        ([], ["100200300400501"], false),
    ])
    func anotherProjectIsOneWithNoneOfItsNumbers(_ recorded: [String], _ project: [String], _ other: Bool) {
        let reason = TranscriptChecker.otherProject(recorded: recorded, project: project)
        #expect((reason != nil) == other, "\(reason ?? "nil")")
        if project.isEmpty { #expect(reason?.hasSuffix("(it has none)") == true) }
    }
}
