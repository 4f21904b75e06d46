import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe18 P18-10: `profile add` refuses, before writing config.toml, a base URL every later command would refuse
/// (a port that is no number, plain http:// to a host that is not loopback) and a --key-env that is no variable
/// name; the first profile, which becomes the default, says why it is.
@Suite struct ProfileAddBaseURLTests {
    @Test(arguments: [
        ("--base-url \"http://127.0.0.1:18082\\\"\" --key-env SIM_KEY",
         // probe44 P44-4: the stray quote is named (it was "expected a URL like https://api.kapso.ai").
         "error: the API base URL 'http://127.0.0.1:18082\"' (profile add --base-url) has a quote at one end; the quotes are not "
            + "part of the URL (docker --env-file and some .env readers keep them); nothing was sent; give 'http://127.0.0.1:18082'\n"),
        ("--base-url http://192.0.2.2:18082 --key-env SIM_KEY",
         "error: profile: invalid --base-url 'http://192.0.2.2:18082'; expected https:// (plain http:// is sent only to "
            + "loopback hosts: 127.0.0.1, localhost, ::1), e.g. --base-url https://192.0.2.2\n"),
        // probe27 P27-10: two ports were told to use https://[127.0.0.1:18082] (an IPv4 address in IPv6 brackets).
        ("--base-url http://127.0.0.1:18082:1 --key-env SIM_KEY",
         "error: the API base URL 'http://127.0.0.1:18082:1' (profile add --base-url) has more than one port (':18082:1'); "
            + "nothing was sent; keep one port after the host, e.g. http://127.0.0.1:8080 (an IPv6 address goes in "
            + "brackets: http://[::1]:8080)\n"),
        // probe27 P27-17: a letter O for a 0 is named with the id to use, as `use` names it.
        ("--base-url https://api.kapso.ai --key-env SIM_KEY --phone-number-id 1002003004005O1",
         "error: profile add --phone-number-id: cannot read '1002003004005O1' as an id: it has letters where digits belong "
            + "(the letter O for 0 at 14), as an id retyped from a screenshot or a PDF reads; with digits it is "
            + "100200300400501: use 100200300400501\n"),
        // probe29 P29-22: a name written the shell's way is shown with the name to write, not called a key.
        ("--base-url https://api.kapso.ai --key-env '$KAPSO_API_KEY'",
         "error: profile: invalid --key-env '$KAPSO_API_KEY': it starts with the shell's '$' (kops reads the variable "
            + "itself); write --key-env KAPSO_API_KEY\n"),
        ("--base-url https://api.kapso.ai --key-env 'KAPSO-API-KEY '",
         "error: profile: invalid --key-env 'KAPSO-API-KEY ': it has a space at its end; a '-' cannot be in a variable's "
            + "name (letters, digits and _ only); write --key-env KAPSO_API_KEY\n"),
        ("--base-url https://api.kapso.ai --key-env 1BAD",
         "error: profile: invalid --key-env '…'; expected the NAME of an environment variable (like ACME_KAPSO_KEY), "
            + "never the key itself\n"),
    ])
    func aProfileNoCommandCouldUseIsNotSaved(flags: String, error: String) async throws {
        let folder = NSTemporaryDirectory() + "kops-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            return (shell.run(line: "profile add p1 " + flags).rawValue, output.err)
        }
        #expect(status == 64)
        #expect(err == error)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theFirstProfileSaysItBecameTheDefault() async throws {
        let folder = NSTemporaryDirectory() + "kops-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let out = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            #expect(shell.run(line: "profile add p1 --base-url \(fixture.baseURL) --key-env SIM_KEY") == .ok)
            #expect(shell.run(line: "profile add p2 --base-url \(fixture.baseURL) --key-env SIM_KEY") == .ok)
            return output.out
        }
        #expect(out.contains(
            "profile p1 is the default: kops starts with it (default_profile) as the first profile; "
                + "'profile default NAME' changes it\n"), "\(out)")
        #expect(!out.contains("profile p2 is the default"), "\(out)")
    }
}
