import KopsTestSupport
import Testing

/// tester56b AA13: a UUID wrapped at a hyphen (a terminal or an e-mail breaks lines there, and the copy keeps the break)
/// was "character 25 is a space, not a hex digit": a line break called a space, and no reading offered. It is read as the
/// WAMID reader reads a wrapped id: "it holds a line break inside it (…): without it, it reads as <uuid>".
@Suite struct AA13UUIDLineWrapTests {
    static let conversation = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    static func wrapped(_ id: String, after offset: Int) -> String {
        String(id.prefix(offset)) + "\n" + String(id.dropFirst(offset))
    }

    @Test(arguments: [
        ("conversation", conversation, 24), ("whois", conversation, 24), ("deliveries --webhook", webhook, 19),
    ])
    func aLineBreakInsideIsNamedWithTheUUID(_ command: String, _ id: String, _ offset: Int) async throws {
        let run = try await runDemo(["\(command) '\(Self.wrapped(id, after: offset))'"], number: "100200300400501")[0]
        #expect(run.status != 0)
        #expect(run.err.contains("it holds a line break inside it (a line wrapped where the id was shown, copied back): without "
            + "it, it reads as \(id)"), "\(run.err)")
        #expect(!run.err.contains("is a space, not a hex digit"), "\(run.err)")
    }
}
