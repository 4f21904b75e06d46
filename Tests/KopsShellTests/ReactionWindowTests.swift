import KapsoSimulator
import KopsTestSupport
import Testing

/// A reaction counts as the contact writing (no Meta page says either way: the reaction webhook reference gives its
/// triggers and time only), so every reading that leans on the last inbound says when it was a reaction (tester48's
/// notes: "yet the contact's last inbound here was 30 min before the send" of a reaction). Seed
/// `Tests/Seeds/fix49-window.seed.json`: contact E wrote at 2026-11-20T08:00Z, reacted at 2026-11-21T09:00Z, and a text
/// to them 30 min later failed with 131047.
@Suite struct ReactionWindowTests: PrintedLines {
    static func id(_ tag: String) -> String { UnsettledWindowTests.id(tag) }

    @Test func readingsThatLeanOnAReactionSaySo() async throws {
        let runs = try await runDemo(
            ["trace \(Self.id("E03"))", "errors --flat", "conversation 0a1b2c3d-0000-4000-8000-000000000314", "trace \(Self.id("E01"))"],
            number: "100200300400501", seed: UnsettledWindowTests.seed)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        #expect(Self.line("window:", in: runs[0].out).contains("last inbound 2026-11-21T09:00:00Z (a reaction), open until"), "\(runs[0].out)")
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("the contact's last inbound here was a reaction, 30 min before the send"), "\(runs[0].out)")
        #expect(verdict.contains("Meta documents nothing on whether a reaction opens the 24-hour window"), "\(verdict)")
        #expect(runs[0].out.contains("yet kops read their last inbound here (a reaction) 30 min before the send"), "\(runs[0].out)")
        let row = runs[1].out.split(separator: "\n").first { $0.contains("message to 14155550314") }.map(String.init) ?? ""
        #expect(row.contains("last inbound here was a reaction, 30 min before the send"), "\(runs[1].out)")
        // The send refused 30 min after the reaction settles it for `conversation` too (fix49's leftover: "open, opened by a
        // reaction" while `trace` said Meta refused).
        #expect(Self.line("last inbound:", in: runs[2].out).hasSuffix("2026-11-20T08:00:00Z"), "\(runs[2].out)")
        #expect(Self.line("window:", in: runs[2].out).hasPrefix("window:       closed since 2026-11-21T08:00:00Z (4 h ago)"), "\(runs[2].out)")
        #expect(Self.line("verdict:", in: runs[3].out).contains("wrote again at 2026-11-21T09:00:00Z (a reaction, which kops counts as writing"),
            "\(runs[3].out)")
    }

    /// fix49's leftover: a 131047 on a send after the contact's reaction (E) or action (F) shows Meta counted the window
    /// closed; `trace` and `errors` read it, `conversations`, `conversation` and `reply` said open (E) or unknown (F).
    @Test func aRefusalAfterAReactionOrActionIsReadByEveryView() async throws {
        let runs = try await runDemo(
            ["conversations", "conversation 0a1b2c3d-0000-4000-8000-000000000314", "conversation 0a1b2c3d-0000-4000-8000-000000000315",
             "reply --to 14155550314 --dry-run hello", "reply --to 14155550315 --dry-run hello", "trace \(Self.id("E02"))"],
            number: "100200300400501", seed: UnsettledWindowTests.seed, width: 200)
        let rows = runs[0].out.split(separator: "\n").map(String.init)
        for contact in ["14155550314", "14155550315"] {
            let row = rows.first { $0.contains(contact) } ?? ""
            #expect(row.contains("closed") && !row.contains("open") && !row.contains("unknown"), "\(runs[0].out)")
        }
        for run in runs[1...2] {
            let window = Self.line("window:", in: run.out)
            #expect(window.hasPrefix("window:       closed since 2026-11-21T08:00:00Z (4 h ago); only templates go through"), "\(run.out)")
            let words = run.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("was refused with 131047 after it, so it did not"), "\(run.out)")
        }
        for run in runs[3...4] {
            let words = (run.out + run.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(run.status != 0 && words.contains("closed at 2026-11-21T08:00:00Z (4 h ago)"), "\(run.out)\(run.err)")
        }
        #expect(!runs[5].out.contains("opened by a reaction"), "\(runs[5].out)")
    }
}
