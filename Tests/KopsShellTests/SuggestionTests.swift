import Testing

@testable import KopsShell

@Suite struct SuggestionTests {
    static let commands = [
        "use", "numbers", "health", "webhooks", "deliveries", "messages", "logs", "help", "trace", "send",
    ]

    @Test(
        "typos, transpositions and prefixes find the command",
        arguments: [
            ("webhoks", "webhooks"),
            ("wbehooks", "webhooks"),
            ("WEBHOOKS", "webhooks"),
            ("webh", "webhooks"),
            ("d", "deliveries"),
            ("helth", "health"),
            ("hlep", "help"),
            ("ues", "use"),
            ("us", "use"),
            ("trcae", "trace"),
            ("mesages", "messages"),
            ("messagse", "messages"),
            ("delivreis", "deliveries"),
            ("lgos", "logs"),
            ("logz", "logs"),
            ("numbrs", "numbers"),
            ("he", nil),
            ("hel", "help"),
            ("xyz", nil),
            ("", nil),
            ("webhooks-list", nil),
            ("telemetry", nil),
            ("sendd", "send"),
            ("sned", "send"),
        ] as [(String, String?)]
    )
    func closestCommand(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, in: Self.commands) == expected)
    }

    @Test(
        "explicit limits, ties and case",
        arguments: [
            ("helo", ["help", "hello"], nil, "help"),
            ("cat", ["bat", "hat"], nil, "bat"),
            ("cat", ["hat", "bat"], nil, "hat"),
            ("webhoks", ["webhooks"], 0, nil),
            ("abcdef", ["uvwxyz"], 6, "uvwxyz"),
            ("Status", ["status"], nil, "status"),
            ("st", ["status", "stats"], nil, nil),
            ("sta", ["Status", "stats"], nil, nil),
            ("stat", ["Status", "stats"], nil, "stats"),
        ] as [(String, [String], Int?, String?)]
    )
    func options(word: String, candidates: [String], maxDistance: Int?, expected: String?) {
        #expect(Suggestion.closest(to: word, in: candidates, maxDistance: maxDistance) == expected)
    }

    @Test(
        "distance counts an adjacent swap as one edit",
        arguments: [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0), ("abc", "acb", 1),
            ("kitten", "sitting", 3), ("ca", "abc", 3), ("abcdef", "badcfe", 3), ("flaw", "lawn", 2),
        ] as [(String, String, Int)]
    )
    func distance(source: String, target: String, expected: Int) {
        #expect(Suggestion.alignmentDistance(Array(source), Array(target)) == expected)
        #expect(Suggestion.alignmentDistance(Array(target), Array(source)) == expected)
    }
}

/// tester56 Z8: `n` typed at the prompt was "unknown command 'n'; did you mean '?'?": one character edited into another
/// is no typo; a prefix still finds its command.
@Suite struct Z8OneCharacterSuggestionTests {
    @Test func oneCharacterIsNoTypoOfAnother() {
        #expect(Suggestion.closest(to: "n", in: ["?", "use", "help"]) == nil)
        #expect(Suggestion.closest(to: "x", in: ["q"]) == nil)
        #expect(Suggestion.closest(to: "d", in: ["?", "deliveries"]) == "deliveries")
        #expect(Suggestion.closest(to: "q", in: ["q", "quit"]) == "q")
    }

    @Test func theShellSuggestsNothingForN() {
        let run = OfflineShell.run("n")
        #expect(!run.err.contains("did you mean '?'"), "\(run.err)")
    }

    /// `profile show`, the summary's first word, shows the profile as bare `profile` does.
    @Test func profileShowShowsTheProfile() {
        let bare = OfflineShell.run("profile"), show = OfflineShell.run("profile", "show")
        #expect(show.status == .ok, "\(show.err)")
        #expect(show.out == bare.out && !show.out.isEmpty)
    }
}
