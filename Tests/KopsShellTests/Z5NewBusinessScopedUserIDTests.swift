import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56 Z5: after a `user_changed_user_id` notice (seed: message-shapes with H13 replaced by one naming
/// `US.13491208655302741919` the new id of Contact A, +14155550171, sent under the old `…18`), the new id is the contact's:
/// `whois` says so, and `reply --to` it carries the window their messages opened (they wrote at 10:11–10:13).
@Suite struct Z5NewBusinessScopedUserIDTests: PrintedLines {
    static let seed = TestSeeds.file("tester56-uid.seed.json")
    static let old = "US.13491208655302741918"
    static let new = "US.13491208655302741919"

    @Test func whoisOfTheNewIDNamesTheContact() async throws {
        let runs = try await runDemo(["whois \(Self.new)"], number: "100200300400501", seed: Self.seed)
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        let statement = runs[0].out
        #expect(statement.contains("\(Self.new) is the business-scoped user id of Contact A (+14155550171)"), "\(statement)")
        #expect(statement.contains("theirs since 2026-11-21T10:12:00Z (user_changed_user_id; was \(Self.old))"), "\(statement)")
        #expect(!(runs[0].out + runs[0].err).contains("no message or conversation in this project is from or to it"))
    }

    @Test func replyToTheNewIDCarriesTheWindow() async throws {
        let runs = try await runDemo(["reply --to \(Self.new) --dry-run hi"], number: "100200300400501", seed: Self.seed)
        let text = runs[0].out + runs[0].err
        #expect(runs[0].status == 0, "\(text)")
        #expect(!text.contains("no 24-hour window is open"), "\(text)")
        #expect(text.contains("\"recipient\": \"\(Self.new)\""), "\(text)")
    }

    /// The old id is still refused, naming the new one (P26-4 unchanged).
    @Test func replyToTheOldIDStillNamesTheNewOne() async throws {
        let runs = try await runDemo(["reply --to \(Self.old) --dry-run hi"], number: "100200300400501", seed: Self.seed)
        #expect(runs[0].status == 1 && runs[0].err.contains("write to \(Self.new)"), "\(runs[0].out)\(runs[0].err)")
    }
}
