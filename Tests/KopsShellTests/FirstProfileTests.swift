import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe29 P29-8: on a first run (no key, no profile) `profile add main` said it was now the default, and every command
/// then answered "profile 'main' exists: kops --profile main, or 'profile default main'" — advice followed already,
/// which changes nothing in this session; `profile use main` was never named.
@Suite struct FirstProfileTests {
    /// A shell with no key and no profile, as kops starts with an empty config and no KAPSO_API_KEY, its config.toml in
    /// a fresh folder; the folder to remove.
    private func firstRun() throws -> (shell: Shell, output: BufferOutput, folder: String) {
        let folder = NSTemporaryDirectory() + "kops-first-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret(""), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.configFile = ConfigFile(path: folder + "/config.toml")
        context.environment = [:]
        context.isInteractive = true
        let output = BufferOutput()
        return (Shell(context: context, renderer: Renderer(), output: output), output, folder)
    }

    /// The first profile added becomes the session's too: the next request names its own unset variable.
    @Test func theFirstProfileAddedIsUsedByTheSession() throws {
        let (shell, output, folder) = try firstRun()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(shell.run(line: "profile add main --base-url https://api.kapso.ai --key-env MYKEY") == .ok, "\(output.err)")
        #expect(output.out.contains("profile main is the default"), "\(output.out)")
        #expect(output.out.contains("using profile main (https://api.kapso.ai) for this session"), "\(output.out)")
        #expect(shell.context.session.profile == "main")
        let before = output.err.count
        #expect(shell.run(line: "numbers") != .ok)
        let error = String(output.err.dropFirst(before))
        #expect(error.contains("profile 'main' reads its API key from MYKEY, which is not set"), "\(error)")
        #expect(!error.contains("profile default"), "\(error)")
    }

    /// A second profile is not switched to: the session had one.
    @Test func aLaterProfileLeavesTheSessionAlone() throws {
        let (shell, output, folder) = try firstRun()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = shell.run(line: "profile add main --base-url https://api.kapso.ai --key-env MYKEY")
        _ = shell.run(line: "profile add other --base-url https://api.kapso.ai --key-env OTHERKEY")
        #expect(shell.context.session.profile == "main", "\(output.out)\(output.err)")
    }

    /// The no-key line names the switch the place it is read in has: `profile use` in the shell, `kops --profile`
    /// outside it; `profile default X` only when X is not the default already.
    @Test(arguments: [
        (true, "main", "profile 'main' exists: 'profile use main' switches this session to it"),
        (true, nil, "profile 'main' exists: 'profile use main' switches this session to it, 'profile default main' makes kops start with it"),
        (false, "main", "profile 'main' exists: kops --profile main"),
        (false, nil, "profile 'main' exists: kops --profile main, or 'profile default main'"),
    ] as [(Bool, String?, String)])
    func theNoKeyLineNamesTheSwitchThatWorksHere(inShell: Bool, defaultProfile: String?, ending: String) {
        let message = CredentialError.noKey(profile: nil, profiles: ["main"], defaultProfile: defaultProfile, inShell: inShell).message
        #expect(message == "this command needs a Kapso project API key; export KAPSO_API_KEY=..., or use a profile that names one: " + ending)
    }

    /// probe43 P43-5: the profile in use selected again on the same API is the same project: the number selected in it
    /// stays (it was dropped, while the last message of that number was kept), and the line says what stays.
    @Test func theProfileInUseSelectedAgainKeepsTheSelectedNumber() throws {
        let (shell, output, folder) = try firstRun()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(shell.run(line: "profile add main --base-url https://api.kapso.ai --key-env MYKEY") == .ok, "\(output.err)")
        shell.context.session.phoneNumberID = "100200300400501"
        shell.context.session.lastMessageID = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
        let before = output.err.count
        #expect(shell.run(line: "profile use main") == .ok, "\(output.err)")
        #expect(shell.context.session.phoneNumberID == "100200300400501")
        #expect(shell.context.session.lastMessageID != nil)
        #expect(String(output.err.dropFirst(before)).contains(
            "it was already in use: its key was read again; the selected number, last message and conversation stay"), "\(output.err)")
    }
}
