import KapsoClient
import KapsoSimulator
import KopsShell
import Testing

/// tester47 F6: the zoo's `@zoo_user` is named by its message (`"username": "zoo_user"`, `from_user_id`) while its
/// conversation carries no username (as Kapso's may not); `messages` showed `@zoo_user`, but `whois @zoo_user` and `reply
/// --to @zoo_user` read only conversations and said no contact had it. Both read the messages too now.
@Suite struct UsernameFromMessagesTests {
    static let userID = "US.1349120865530274191"

    @Test func whoisAndReplyFindAUsernameOnlyAMessageNames() async throws {
        let runs = try await runDemo(
            ["whois @zoo_user", "reply --dry-run --force --to @ZOO_USER hi", "whois @zoo_user --output json"],
            number: "100200300400501", seed: .zoo)
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        #expect(runs[0].out.hasPrefix(
            "@zoo_user is the WhatsApp username of Yuri Park and Zoe Quinn (the names its messages give), a contact of Sales Line "
                + "100200300400502 and Support Line 100200300400501 with business-scoped user id \(Self.userID) (read from its "
                + "messages: its conversation does not name the username)\n"), "\(runs[0].out)")
        #expect(runs[0].out.contains("business-scoped user id: \(Self.userID)\n"), "\(runs[0].out)")
        #expect(runs[1].out.contains("\"recipient\": \"\(Self.userID)\""), "\(runs[1].out)")
        let json = try JSONValue.parse(Array(runs[2].out.utf8))
        #expect(json["kind"]?.string == "username")
    }

    /// A handle nobody has: the line names both places read, and `messages` as where usernames show.
    @Test func anUnknownHandleNamesWhereItWasLookedFor() async throws {
        let runs = try await runDemo(["whois @nobody.here", "reply --dry-run --to @nobody.here hi"], number: "100200300400501", seed: .zoo)
        #expect(runs[0].err.contains(
            "no contact among this project's 100 most recently active conversations and 100 newest inbound messages has the "
                + "WhatsApp username @nobody.here; 'messages' shows the username of each message's contact"), "\(runs[0].err)")
        #expect(runs[1].err.contains(
            "no contact with this username is among the newest 100 conversations and 100 inbound messages of 100200300400501 "
                + "('messages' shows contacts' usernames)"), "\(runs[1].err)")
    }
}
