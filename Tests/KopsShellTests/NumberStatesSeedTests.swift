import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `health` and `overview` on the probe17 number states (`Tests/Seeds/number-states.seed.json`, cut from the tester's
/// seed3, seed8 and seed9): a BANNED, a PENDING and an app-limited number, one whose messaging health could not be
/// fetched, and a healthy one whose sends failed in the last 24 h.
@Suite struct NumberStatesSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("number-states.seed.json") }

    /// P17-4, P17-2, P17-14: the number's status is health's cause and overview's headline; a check that could not run is
    /// not known; a limit's fix follows Meta's text.
    @Test func healthNamesTheNumbersOwnStateAndWhatIsNotKnown() async throws {
        let runs = try await runDemo(
            ["health 100200300400606", "health 100200300400601", "health 100200300400502", "health 100200300400610"],
            number: nil, seed: Self.seed)
        #expect(runs[0].out.contains("blocking: phone_number_access\n  cause: the number is BANNED from WhatsApp: nothing can be sent from it"),
            "\(runs[0].out)")
        #expect(runs[0].out.contains("phone_number_access      FAILED (Kapso: passed)  BANNED"), "\(runs[0].out)")
        #expect(runs[1].out.contains("blocking: phone_number_access\n  cause: the number is PENDING"), "\(runs[1].out)")
        #expect(runs[2].out.contains("""
            not known: messaging_health
              cause: messaging health is not known: Kapso could not get it from Meta (API says: Failed to fetch messaging health status from Meta)
              fix:   run 'health' again in a few minutes (Kapso caches each check up to 3 min)
            """), "\(runs[2].out)")
        #expect(runs[2].out.contains("messaging_health         unknown"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("failed"), "\(runs[2].out)")
        #expect(runs[3].out.contains("  fix:   switch the Meta app to Live mode in Meta's App Dashboard"), "\(runs[3].out)")
        for run in runs { #expect(!run.out.contains("fix the listed entity"), "\(run.out)") }
    }

    /// P17-4, P17-12: no number Kapso calls unhealthy or degraded is "ok", and a number whose sends failed says so with the
    /// command that shows why.
    @Test func overviewHeadlinesEachNumbersStateAndFailedSends() async throws {
        let ran = try await runDemo(["overview"], number: nil, seed: Self.seed)[0]
        let lines = ran.out.split(separator: "\n").map(String.init)
        let column = try #require(lines.first?.ranges(of: "HEADLINE").first?.lowerBound.utf16Offset(in: lines[0]))
        let rows = Dictionary(
            lines.filter { $0.hasPrefix("1002003004") }.map { (String($0.prefix(15)), String($0.dropFirst(column))) },
            uniquingKeysWith: { first, _ in first })
        #expect(rows["100200300400606"] == "blocking: number BANNED", "\(ran.out)")
        #expect(rows["100200300400601"] == "blocking: number PENDING", "\(ran.out)")
        #expect(rows["100200300400610"] == "needs attention: messaging_health", "\(ran.out)")
        #expect(rows["100200300400502"] == "not known: messaging_health", "\(ran.out)")
        #expect(rows["100200300400501"] == "ok by Kapso's checks, but 3 sends failed (3 causes)", "\(ran.out)")
        #expect(ran.out.contains("messages (24h):   3 sends failed (3 causes)"), "\(ran.out)")
        #expect(ran.out.contains("  use 100200300400501; errors --period 24h  # Support Line: 3 sends failed (3 causes)"), "\(ran.out)")
    }
}
