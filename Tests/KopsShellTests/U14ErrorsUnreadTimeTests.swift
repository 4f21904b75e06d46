import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester53b U14: `errors` ranked an API call whose time it could not read as the oldest and left it out of FIRST/LAST
/// without a word. Seed `tester53b-errors-unread-times.seed.json` (API clock 2026-11-21T12:00Z): failed calls 10
/// (`11:00:05.9Z`), 11 (`11:00:05.10Z`), 12 (`06:30:00-05:00`, 11:30Z), 13 (`11:45:00+00:00`), 14
/// (`2026-11-21 11:50:00Z`, a space for the `T`: RFC 3339 §5.6 allows it, and the zone is given) and 15
/// (`2026-11-21T11:55:00`, no zone: UTC or the writer's local time).
@Suite struct U14ErrorsUnreadTimeTests {
    static let seed = TestSeeds.file("tester53b-errors-unread-times.seed.json")

    /// The space form is read and ordered (newest); the zoneless one is listed last and named as not ordered.
    @Test func theSpaceFormIsOrderedAndTheZonelessTimeIsNamed() async throws {
        let ran = try await runDemo(["errors --flat --source api --period 24h"], number: nil, seed: Self.seed, width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let order = ran[0].out.split(separator: "\n").compactMap { line in
            line.range(of: "Invalid parameter ").map { String(line[$0.upperBound...].prefix(2)) }
        }
        #expect(order == ["14", "13", "12", "10", "11", "15"], "\(ran[0].out)")
        let note = try #require(
            (ran[0].out + ran[0].err).split(separator: "\n").first { $0.contains("2026-11-21T11:55:00") && !$0.contains("Invalid parameter") },
            "\(ran[0].out)\(ran[0].err)")
        #expect(note.contains("no time zone") && note.contains("not ordered"), "\(note)")
    }

    /// The group's LAST is the newest readable call (11:50, the space form), and the line names the call not counted.
    @Test func theGroupsSpanHoldsTheSpaceFormAndNamesTheZonelessTime() async throws {
        let ran = try await runDemo(["errors --source api --period 24h"], number: nil, seed: Self.seed, width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let row = try #require(ran[0].out.split(separator: "\n").first { $0.contains("#100") }, "\(ran[0].out)")
        #expect(row.contains("2026-11-21 11:50:00Z"), "\(row)")
        let note = try #require(
            (ran[0].out + ran[0].err).split(separator: "\n").first { $0.contains("2026-11-21T11:55:00") && !$0.contains("#100") },
            "\(ran[0].out)\(ran[0].err)")
        #expect(note.contains("no time zone") && note.contains("FIRST/LAST"), "\(note)")
    }
}
