import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport

/// Demo-story ids used by the message, trace and reply tests.
enum Demo {
    static let support = "100200300400501"
    static let leeConversation = "e5a6c7d8-4f5b-4c6d-8e7f-901234567890"
    static let leeFailedReply = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    static let danaConversation = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
    static let danaInbound = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    /// The deterministic simulator's clock, 2026-11-21T12:00:00Z.
    static let now = KapsoTime.seconds(iso: "2026-11-21T12:00:00Z")!
}

/// What a run of shell lines printed, with each line's exit status.
struct ShellRun: Sendable {
    var out: String
    var err: String
    var statuses: [KopsShell.ExitStatus]
    var baseURL: String
    var requests: Int
    var apiKey: String
}

/// Runs `lines` in one shell on a fresh demo simulator, its clock pinned to the simulator's.
func runShell(
    _ lines: [String], phoneNumberID: String? = Demo.support, configure: @escaping @Sendable (ShellContext) -> Void = { _ in }
) async throws -> ShellRun {
    try await withSimulator { fixture in
        let (shell, output) = try fixture.shell(phoneNumberID: phoneNumberID)
        shell.context.now = { Demo.now }
        configure(shell.context)
        let before = fixture.counters().requests
        let statuses = lines.map { shell.run(line: $0) }
        return ShellRun(
            out: output.out, err: output.err, statuses: statuses, baseURL: fixture.baseURL,
            requests: fixture.counters().requests - before, apiKey: fixture.apiKey)
    }
}
